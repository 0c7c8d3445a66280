/**
 * An iteration that never yields (a loop that never awaits) blocks its worker's event loop: the
 * coordinator ends that worker past gracefulStop plus a grace, or at a stop, and the run still ends
 * with its summary and exports, its exit code set by the thresholds.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVolley, signalAndWait, spawnVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

/** VU 1 (worker 1 of 2) spins for ever in its 3rd iteration; VU 2 (worker 2) runs normally. */
const spinning = (duration: string) => `
import type { Iteration } from 'volley';
export const options = {
  scenarios: { spin: { executor: 'constant-vus', vus: 2, duration: '${duration}', gracefulStop: '2s' } },
  thresholds: { iterations: ['count>0'] },
};
export default async function ({ vu, sleep }: Iteration) {
  if (vu.idInTest === 1 && vu.iterationInScenario === 2) for (;;) {}
  await sleep(0.1);
}
`;

async function startSpinning(duration: string) {
  const { dir, path } = await scenarioFile(spinning(duration));
  const files = { summary: join(dir, 'summary.json'), series: join(dir, 'series.ndjson') };
  return { args: ['run', path, '--workers', '2', '--summary-export', files.summary, '--out', `json=${files.series}`], files };
}

/** Every line of the NDJSON time series parses, and the last one is the summary. */
function parsedSeries(path: string): unknown[] {
  const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.at(-1)).toHaveProperty('summary');
  return lines;
}

it('ends a worker stuck in a busy loop after gracefulStop + 1 s, writes every export, exits by the thresholds', async () => {
  const run = await startSpinning('3s');
  const res = await runVolley(run.args, { timeoutMs: 25_000 });
  expect(res.code, res.stderr).toBe(0);
  // duration + gracefulStop + 5 s, plus start-up on a busy machine.
  expect(res.durationMs).toBeLessThan(3000 + 2000 + 5000 + 3000);
  expect(res.stderr).toMatch(/worker 1 of 2 .*scenario spin.*never yielded/);
  const summary = await readSummary(run.files.summary);
  expect(summary.metrics.iterations?.values.count).toBeGreaterThan(10); // worker 2's, all of them
  expect(summary.worker_failures).toEqual([expect.objectContaining({ worker: 1, workers: 2, kind: 'hung' })]);
  expect(res.stdout).toContain('WORKER FAILURES');
  expect(parsedSeries(run.files.series).length).toBeGreaterThan(1);
});

/** A 60 s run whose worker 1 is in its loop by now. */
async function spinningNow() {
  const run = await startSpinning('60s');
  const proc = spawnVolley(run.args, { timeoutMs: 25_000 });
  await proc.waitForOutput('spin: constant-vus', 'stderr');
  await new Promise((r) => setTimeout(r, 1500)); // the loop began at ≈ 0.2 s
  return { proc, files: run.files };
}

it('a SIGTERM after a ^C during such a hang ends the run at once (105), with its exports', async () => {
  const { proc, files } = await spinningNow();
  proc.child.kill('SIGINT');
  await proc.waitForOutput('stopping gracefully', 'stderr');
  const { res, ms } = await signalAndWait(proc, 'SIGTERM');
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(2500);
  expect(res.stderr).toMatch(/worker 1 of 2 .*never yielded/);
  expect((await readSummary(files.summary)).metrics.iterations?.values.count).toBeGreaterThan(5);
  parsedSeries(files.series);
});

it('a single ^C during such a hang ends the run within gracefulStop + 1 s', async () => {
  const { proc, files } = await spinningNow();
  const { res, ms } = await signalAndWait(proc);
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(5500); // gracefulStop 2 s + 1 s, and a margin for a busy machine
  parsedSeries(files.series);
});
