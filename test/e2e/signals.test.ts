/** ^C: a graceful stop that still writes the summary, exit 105. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { signalAndWait as interrupt, spawnVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

/** Starts `volley run` on `source` with a summary export; `summary()` reads the export once the run ended. */
async function startRun(source: string, args: string[] = []) {
  const { dir, path } = await scenarioFile(source);
  const exportPath = join(dir, 's.json');
  const proc = spawnVolley(['run', path, ...args, '--summary-export', exportPath]);
  return { proc, summary: () => readSummary(exportPath) };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('SIGINT 3 s into a 60 s run exits 105 within 2 s and writes the summary export', async () => {
  const run = await startRun(`
import type { Iteration } from 'volley';
export const options = { vus: 5, duration: '60s' };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.05);
}
`, ['-e', `BASE_URL=${target.httpUrl}`]);
  await pause(3000);
  const { res, ms } = await interrupt(run.proc);
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(2000);
  expect((await run.summary()).metrics.http_reqs?.values.count).toBeGreaterThan(0);
});

it('a second SIGINT stops at once, interrupting long iterations, and still writes the summary', async () => {
  const run = await startRun(`
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'constant-vus', vus: 3, duration: '60s', gracefulStop: '30s' } } };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(20);
}
`, ['-e', `BASE_URL=${target.httpUrl}`]);
  await pause(2500);
  run.proc.child.kill('SIGINT');
  await run.proc.waitForOutput('stopping gracefully', 'stderr');
  const { res, ms } = await interrupt(run.proc);
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(4000);
  expect((await run.summary()).metrics.http_reqs?.values.count).toBe(3);
});

it('stops on SIGINT even when iterations never await anything (the worker still breathes)', async () => {
  const run = await startRun(`
export const options = { vus: 4, duration: '60s' };
let spins = 0;
export default async function () {
  spins++;
}
`, ['--workers', '1']);
  await pause(2500);
  const { res, ms } = await interrupt(run.proc);
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(2000);
  expect((await run.summary()).metrics.iterations?.values.count).toBeGreaterThan(1000);
});
