/**
 * Acceptance (issue 13, case 5): iterations cut short by the end of the duration are counted as
 * interrupted, apart from the complete ones: k6's `N complete and M interrupted iterations` in the
 * text summary, and `state.iterations` in --summary-export and handleSummary's data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it('counts 3 complete and 2 interrupted iterations (requests hanging past a 1s duration and a 200ms gracefulStop)', async () => {
  const { dir, path } = await scenarioFile(`
import { textSummary } from 'volley';
import type { Iteration, SummaryData } from 'volley';
export const options = {
  scenarios: {
    hanging: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '200ms', exec: 'hang' },
    quick: { executor: 'shared-iterations', vus: 1, iterations: 3, exec: 'quick' },
  },
};
export async function hang({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/delay/10000');
}
export async function quick({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
}
export function handleSummary(data: SummaryData) {
  return { stdout: textSummary(data), 'state.json': JSON.stringify(data.state) };
}
`);
  const exported = join(dir, 'summary.json');
  const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported], { cwd: dir, timeoutMs: 20_000 });
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toContain('3 complete and 2 interrupted iterations');
  expect((await readSummary(exported)).state.iterations).toEqual({ complete: 3, interrupted: 2 });
  expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')).iterations).toEqual({ complete: 3, interrupted: 2 });
});
