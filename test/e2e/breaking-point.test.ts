/**
 * The breaking point of a run stopped by abortOnFail (issue #17): a ramping-arrival-rate run from
 * 100 to 800/s over 40 s against a target of 8 servers × 20 ms (400/s) stops with 99, and the
 * summary data says at what offered load it broke.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';
import { startTargetProcess, type TargetProcess } from '../support/target-process.js';

let target: TargetProcess;
beforeAll(async () => (target = await startTargetProcess(['--servers', '8', '--service-time', '20ms'])));
afterAll(() => target.close());

describe('breaking point', () => {
  it('is the offered load of the first second of the failing stretch that stopped the run', async () => {
    const { dir, path } = await scenarioFile(`
      import type { Iteration } from 'volley';
      export const options = {
        scenarios: { ramp: { executor: 'ramping-arrival-rate', startRate: 100, timeUnit: '1s', preAllocatedVUs: 50, maxVUs: 2000, stages: [{ duration: '40s', target: 800 }] } },
        thresholds: { http_req_duration: [{ threshold: 'p(99)<100', abortOnFail: true }] },
      };
      export default async function ({ http, env }: Iteration) { await http.get(env.BASE_URL + '/'); }
    `);
    const exported = join(dir, 'summary.json');
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported], { timeoutMs: 70_000 });
    const { breakingPoint } = await readSummary(exported);
    expect(res.code, res.stderr).toBe(99);
    expect(breakingPoint).toMatchObject({ unit: 'iterations/s', threshold: 'http_req_duration:p(99)<100' });
    expect(breakingPoint!.load, JSON.stringify(breakingPoint)).toBeGreaterThanOrEqual(400 * 0.85);
    expect(breakingPoint!.load).toBeLessThanOrEqual(400 * 1.15);
    expect(breakingPoint!.value).toBeGreaterThanOrEqual(100);
    // The load at a second of the ramp: 100 + 17.5/s for each second into it.
    expect(breakingPoint!.load).toBeCloseTo(100 + 17.5 * (breakingPoint!.atMs / 1000 + 0.5), 0);
    expect(res.stdout).toMatch(/breaking point: http_req_duration broke at \d+s, [\d,.]+ iterations\/s: p\(99\)=[\d.]+m?s > 100ms/);
    expect(res.stderr).toMatch(/thresholds crossed \(abortOnFail\): .*; http_req_duration broke at \d+s/);
  }, 80_000);
});
