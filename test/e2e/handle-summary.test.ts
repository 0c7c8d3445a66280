/** handleSummary replaces the printed summary; what it returns goes to stdout, stderr or files. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it('writes what handleSummary returns and prints no default summary', async () => {
  const { dir, path } = await scenarioFile(`
import { textSummary } from 'volley';
import type { Iteration, SummaryData } from 'volley';
export const options = { iterations: 5 };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
}
export function handleSummary(data: SummaryData) {
  return {
    stdout: 'custom: ' + data.metrics.http_reqs!.values.count + ' requests\\n',
    'out/report.txt': textSummary(data),
    'count.json': JSON.stringify({ reqs: data.metrics.http_reqs!.values.count }),
  };
}
`);
  await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'out')));
  const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`], { cwd: dir });
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toBe('custom: 5 requests\n');
  expect(JSON.parse(await readFile(join(dir, 'count.json'), 'utf8'))).toEqual({ reqs: 5 });
  expect(await readFile(join(dir, 'out', 'report.txt'), 'utf8')).toMatch(/http_reqs\.*: 5\b/);
});

it('a throwing handleSummary exits 107 and still prints the default summary', async () => {
  const { path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { iterations: 2 };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
}
export function handleSummary() {
  throw new Error('summary broke');
}
`);
  const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`]);
  expect(res.code).toBe(107);
  expect(res.stderr).toContain('summary broke');
  expect(res.stdout).toMatch(/http_reqs\.*: 2\b/);
});

it("creates the folders of handleSummary's files; one that cannot be written is one line, the rest are written, exit 107", async () => {
  const { dir, path } = await scenarioFile(`
export const options = { iterations: 1 };
export default async function () {}
export function handleSummary() {
  return { stdout: 'custom summary\\n', 'reports/today/a.txt': 'a', 'scenario.ts/b.txt': 'b', 'c.txt': 'c' };
}
`);
  const res = await runVolley(['run', path, '-q'], { cwd: dir });
  expect(res.code, res.stderr).toBe(107);
  expect(res.stdout).toBe('custom summary\n');
  expect(await readFile(join(dir, 'reports/today/a.txt'), 'utf8')).toBe('a');
  expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('c');
  expect(res.stderr).toMatch(new RegExp(`^error: handleSummary: cannot write ${join(dir, 'scenario.ts/b.txt')} \\(.+\\)$`, 'm'));
  expect(res.stderr).not.toMatch(/\n\s+at /);
});
