/**
 * A load worker that dies (the script calls process.exit) still delivers what it recorded, and the
 * summary says which worker died, when and why; the run exits 103.
 */
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { withTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';

// VU 1 (worker 1 of 2) calls process.exit(3) in its 5th iteration, after its request was answered
// (so none of its requests is in flight); VU 2 (worker 2) goes on until the run stops.
const script = `
import type { Iteration } from 'volley';
export const options = { vus: 2, duration: '3s', thresholds: { 'http_reqs{name:dying}': ['count>=0'] } };
export default async function ({ http, env, vu, sleep }: Iteration) {
  if (vu.idInTest !== 1) return http.get(env.BASE_URL + '/').then(() => sleep(0.2));
  await http.get(env.BASE_URL + '/status/200', { tags: { name: 'dying' } });
  if (vu.iterationInScenario === 4) process.exit(3);
  await sleep(0.05);
}
`;

it('counts what a worker recorded before process.exit(3), and names the worker, the time and the cause', async () => {
  await withTarget(async (target) => {
    const { dir, path } = await scenarioFile(script);
    const exportPath = join(dir, 'summary.json');
    const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exportPath], { timeoutMs: 20_000 });
    expect(res.code, res.stderr).toBe(103);
    const summary = await readSummary(exportPath);
    const served = target.stats();
    expect(metricValue(summary, 'http_reqs{name:dying}', 'count')).toBe(served['/status/200']);
    // Worker 2 is stopped at once when worker 1 dies: its one request in flight may go uncounted.
    expect(served.total! - metricValue(summary, 'http_reqs', 'count')).toBeLessThanOrEqual(1);
    const failure = summary.worker_failures?.[0];
    expect(failure).toMatchObject({ worker: 1, workers: 2, kind: 'died' });
    expect(failure?.reason).toMatch(/process\.exit\(3\) at scenario\.ts:7/);
    expect(failure?.atMs).toBeGreaterThan(0);
    expect(res.stdout).toMatch(/worker 1 of 2 died at [\d.]+s: .*process\.exit\(3\)/);
  });
});
