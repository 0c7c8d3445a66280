/** Thresholds judged while the run goes: abortOnFail with delayAbortEval, and sliding windows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

async function run(script: string) {
  const { dir, path } = await scenarioFile(script);
  const exported = join(dir, 'summary.json');
  const res = await runVolley(['run', path, '-q', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported]);
  return { res, summary: await readSummary(exported) };
}

describe('abortOnFail', () => {
  it('stops a 60 s run soon after delayAbortEval, interrupting iterations, and exits 99 with the summary written', async () => {
    const { res, summary } = await run(`
      import type { Iteration } from 'volley';
      export const options = {
        vus: 2, duration: '60s',
        thresholds: { http_req_duration: [{ threshold: 'p(95)<1', abortOnFail: true, delayAbortEval: '2s' }] },
      };
      export default async function ({ http, env }: Iteration) { await http.get(env.BASE_URL + '/delay/20'); }
    `);
    expect(res.code, res.stderr).toBe(99);
    expect(res.stderr).toContain('thresholds crossed (abortOnFail): http_req_duration p(95)<1');
    expect(summary.state.testRunDurationMs).toBeGreaterThan(2000);
    expect(summary.state.testRunDurationMs).toBeLessThanOrEqual(5000);
    expect(summary.metrics.http_req_duration?.thresholds?.['p(95)<1']?.ok).toBe(false);
  });
});

describe('sliding-window thresholds', () => {
  // 50/s for 10 s: '/' for 7 s, then '/status/500'. 30 % of all requests fail, 100 % of the last 3 s.
  const script = (threshold: string) => `
    import type { Iteration } from 'volley';
    export const options = {
      scenarios: { api: { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '10s', preAllocatedVUs: 20 } },
      thresholds: { http_req_failed: [${threshold}] },
    };
    export default async function ({ http, env, scenario }: Iteration) {
      const late = Date.now() - scenario.startTime >= 7000;
      await http.get(env.BASE_URL + (late ? '/status/500' : '/'));
    }
  `;

  it("fails on the last window when the target collapses late: { threshold: 'rate<0.5', window: '3s' } → 99", async () => {
    const { res, summary } = await run(script(`{ threshold: 'rate<0.5', window: '3s' }`));
    expect(res.code, res.stderr).toBe(99);
    expect(summary.metrics.http_req_failed?.thresholds?.['rate<0.5']?.ok).toBe(false);
  });

  it("passes over the whole run, where the collapse is diluted: 'rate<0.5' → 0", async () => {
    const { res, summary } = await run(script(`'rate<0.5'`));
    expect(res.code, res.stderr).toBe(0);
    expect(summary.metrics.http_req_failed?.values.rate).toBeGreaterThan(0.2);
    expect(summary.metrics.http_req_failed?.values.rate).toBeLessThan(0.4);
  });
});
