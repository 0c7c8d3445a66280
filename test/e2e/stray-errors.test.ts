/** Errors outside any iteration (a promise nobody awaited, a throw in a timer) are reported and the run goes on (#12). */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';

it('counts them as iteration errors with the file and line, exits 0, and setup\'s are printed', async () => {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 2, duration: '1s', thresholds: { iterations: ['count>10'] } };
export async function setup() {
  Promise.reject(new Error('setup floated'));
  await new Promise((r) => setTimeout(r, 10));
}
export default async function ({ sleep, vu }: Iteration) {
  if (vu.iterationInScenario === 1) {
    Promise.reject(new Error('floated'));
    setTimeout(() => { throw new TypeError('timer threw'); }, 5);
  }
  await sleep(0.05);
}
`);
  const res = await runVolley(['run', path, '-q', '--workers', '1', '--summary-export', 'summary.json'], { cwd: dir, timeoutMs: 20_000 });
  expect(res.code, res.stderr).toBe(0);
  const summary = await readSummary(join(dir, 'summary.json'));
  expect(summary.iteration_errors).toEqual(
    expect.arrayContaining([
      { message: 'Error: floated', location: 'scenario.ts:10', count: 2 },
      { message: 'TypeError: timer threw', location: 'scenario.ts:11', count: 2 },
    ]),
  );
  expect(metricValue(summary, 'iterations', 'count')).toBeGreaterThan(10); // the VUs went on
  expect(res.stderr).toContain('a promise nobody awaited rejected with Error: floated');
  expect(res.stderr).toContain('a timer or event callback threw TypeError: timer threw');
  expect(res.stderr).toMatch(/error: a promise nobody awaited rejected with Error: setup floated\n\s+at setup \(.*scenario\.ts:5:\d+\)/);
  expect(res.stderr).not.toContain('engine failure');
});
