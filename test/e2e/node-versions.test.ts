/**
 * The end-to-end checks .ci/other-nodes.sh runs on Node 22 and 24 (vitest itself on that Node, so
 * volley runs on it too); the full suite runs them on the machine's Node. Besides exit codes and
 * counts, nothing a run writes on stderr may read as an error or a warning: on Node 22 every run
 * printed V8's `Error: unrecognized flag` lines before parser-precompile.ts learnt which flags exist.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runVolley, spawnVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

/** The lines of `stderr` that read as an error or a warning (V8's, Node's or volley's). */
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => /error|warning|unrecognized|try --help/i.test(line));

const served = () => target.stats()['/'] ?? 0;

it(`volley demo runs clean on Node ${process.versions.node}`, async () => {
  const res = await runVolley(['demo', '-d', '1s'], { timeoutMs: 30_000 });
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toContain('http_req_duration');
  expect(errorLines(res.stderr)).toEqual([]);
});

it('counts exactly 1,000 iterations shared by 2 workers', async () => {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'shared-iterations', vus: 8, iterations: 1000 } } };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
}
`);
  const before = served();
  const summaryPath = join(dir, 'summary.json');
  const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', summaryPath], { timeoutMs: 30_000 });
  expect(res.code, res.stderr).toBe(0);
  expect(metricValue(await readSummary(summaryPath), 'iterations', 'count')).toBe(1000);
  expect(served() - before).toBe(1000);
  expect(errorLines(res.stderr)).toEqual([]);
});

it('^C stops a run with exit 105', async () => {
  const { path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 2, duration: '60s' };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.05);
}
`);
  const before = served();
  const proc = spawnVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`], { timeoutMs: 30_000 });
  // Signalled once the run is under way: the target has seen its requests.
  while (served() === before && proc.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
  proc.child.kill('SIGINT');
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  expect(errorLines(res.stderr)).toEqual([]);
});

it('a compile error exits 107 saying where, and nothing else reads as an error', async () => {
  const { path } = await scenarioFile(`export default async function () {\n  const x = ;\n}\n`);
  const res = await runVolley(['run', path], { timeoutMs: 30_000 });
  expect(res.code, res.stderr).toBe(107);
  expect(errorLines(res.stderr)).toEqual([expect.stringMatching(/^error: /), expect.stringMatching(/scenario\.ts:2:13: error: /)]);
  expect(res.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
});
