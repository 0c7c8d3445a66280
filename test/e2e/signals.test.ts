/** ^C: a graceful stop that still writes the summary, exit 105. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { spawnVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it('SIGINT 3 s into a 60 s run exits 105 within 2 s and writes the summary export', async () => {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 5, duration: '60s' };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.05);
}
`);
  const proc = spawnVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
  await new Promise((r) => setTimeout(r, 3000));
  const signalledAt = performance.now();
  proc.child.kill('SIGINT');
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  expect(performance.now() - signalledAt).toBeLessThan(2000);
  const summary = await readSummary(join(dir, 's.json'));
  expect(summary.metrics.http_reqs?.values.count).toBeGreaterThan(0);
});

it('a second SIGINT stops at once, interrupting long iterations, and still writes the summary', async () => {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'constant-vus', vus: 3, duration: '60s', gracefulStop: '30s' } } };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(20);
}
`);
  const proc = spawnVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
  await new Promise((r) => setTimeout(r, 2500));
  proc.child.kill('SIGINT');
  await proc.waitForOutput('stopping gracefully', 'stderr');
  const secondAt = performance.now();
  proc.child.kill('SIGINT');
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  expect(performance.now() - secondAt).toBeLessThan(4000);
  const summary = await readSummary(join(dir, 's.json'));
  expect(summary.metrics.http_reqs?.values.count).toBe(3);
});

it('stops on SIGINT even when iterations never await anything (the worker still breathes)', async () => {
  const { dir, path } = await scenarioFile(`
export const options = { vus: 4, duration: '60s' };
let spins = 0;
export default async function () {
  spins++;
}
`);
  const proc = spawnVolley(['run', path, '--workers', '1', '--summary-export', join(dir, 's.json')]);
  await new Promise((r) => setTimeout(r, 2500));
  const signalledAt = performance.now();
  proc.child.kill('SIGINT');
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  expect(performance.now() - signalledAt).toBeLessThan(2000);
  const summary = await readSummary(join(dir, 's.json'));
  expect(summary.metrics.iterations?.values.count).toBeGreaterThan(1000);
});
