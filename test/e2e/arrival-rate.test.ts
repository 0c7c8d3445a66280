/**
 * The arrival-rate executors end to end against the embedded target: iterations per second as
 * configured, dropped_iterations when the VUs run out, iteration_start_lag in the summary, and a
 * ramp followed second by second in the time series. Tolerances are coarse (a noisy 2-core machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';
import { readTimeSeries } from '../support/time-series.js';
import { REPO_ROOT } from '../support/repo-root.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const script = (scenario: string, path: string) => `
import type { Iteration } from 'volley';
export const options = { scenarios: { arrivals: ${scenario} } };
export default async function ({ http, env }: Iteration) { await http.get(env.BASE_URL + '${path}'); }
`;

async function run(source: string, extra: string[] = []) {
  const { dir, path } = await scenarioFile(source);
  const exported = join(dir, 'summary.json');
  const out = join(dir, 'series.ndjson');
  const res = await runVolley(['run', path, '-q', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported, ...extra.map((a) => a.replace('OUT', out))]);
  expect(res.code, res.stderr).toBe(0);
  return { summary: await readSummary(exported), out };
}

const count = (summary: Awaited<ReturnType<typeof readSummary>>, metric: string) => summary.metrics[metric]?.values.count ?? 0;

describe('constant-arrival-rate', () => {
  it('starts 200/s for 10 s (2000 ± 1 %) with no drops when VUs suffice, and records iteration_start_lag', async () => {
    const scenario = "{ executor: 'constant-arrival-rate', rate: 200, timeUnit: '1s', duration: '10s', preAllocatedVUs: 50, maxVUs: 400 }";
    const { summary } = await run(script(scenario, '/'));
    expect(count(summary, 'iterations')).toBeGreaterThanOrEqual(1980);
    expect(count(summary, 'iterations')).toBeLessThanOrEqual(2020);
    expect(count(summary, 'dropped_iterations')).toBe(0);
    const lag = summary.metrics.iteration_start_lag;
    expect(lag?.type).toBe('trend');
    expect(lag?.values.count).toBe(count(summary, 'iterations'));
  });

  it('drops what 2 busy VUs cannot start: /delay/500 at 200/s for 10 s', async () => {
    const scenario = "{ executor: 'constant-arrival-rate', rate: 200, duration: '10s', preAllocatedVUs: 2, maxVUs: 2 }";
    const { summary } = await run(script(scenario, '/delay/500'));
    const started = count(summary, 'iterations');
    const dropped = count(summary, 'dropped_iterations');
    expect(dropped).toBeGreaterThan(0);
    expect(started).toBeLessThanOrEqual(2 * 21); // 2 VUs, ≥ 500 ms each, 10 s plus the graceful stop's tail
    expect(started + dropped).toBeGreaterThanOrEqual(1980);
    expect(started + dropped).toBeLessThanOrEqual(2020);
  });
});

describe('insufficient VUs', () => {
  it("prints k6's warning once per scenario, however many workers run out", async () => {
    const { path } = await scenarioFile(`
import type { Iteration } from 'volley';
const short = { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '1s', preAllocatedVUs: 2, maxVUs: 2 };
export const options = { scenarios: { first: short, second: { ...short, maxVUs: 3, preAllocatedVUs: 3 } } };
export default async function ({ sleep }: Iteration) { await sleep(0.4); }
`);
    const res = await runVolley(['run', path, '--workers', '2'], { timeoutMs: 20_000 });
    expect(res.code, res.stderr).toBe(0);
    const warnings = res.stderr.split('\n').filter((l) => l.includes('Insufficient VUs'));
    expect(warnings, res.stderr).toHaveLength(2);
    expect(warnings.filter((l) => l.includes('reached 2 active VUs and cannot initialize more') && l.includes('scenario first') && l.includes('maxVUs: 2'))).toHaveLength(1);
    expect(warnings.filter((l) => l.includes('reached 3 active VUs and cannot initialize more') && l.includes('scenario second') && l.includes('maxVUs: 3'))).toHaveLength(1);
  });
});

describe('ramping-arrival-rate', () => {
  it('follows 0→400/s over 10 s second by second in the time series (40k + 20 in second k)', async () => {
    const scenario = "{ executor: 'ramping-arrival-rate', startRate: 0, stages: [{ duration: '10s', target: 400 }], preAllocatedVUs: 50, maxVUs: 400 }";
    const { out } = await run(script(scenario, '/'), ['--out', 'json=OUT']);
    const perSecond = readTimeSeries(out).perSecond('iterations', 'count');
    for (let k = 1; k <= 9; k++) {
      const expected = 40 * k + 20;
      const tolerance = Math.max(5, expected * 0.1);
      expect(perSecond.get(k) ?? 0, `second ${k}`).toBeGreaterThanOrEqual(expected - tolerance);
      expect(perSecond.get(k) ?? 0, `second ${k}`).toBeLessThanOrEqual(expected + tolerance);
    }
  });
});

describe('scenarios/arrival-rate.ts', () => {
  it('passes its thresholds with a short duration', async () => {
    const res = await runVolley(['run', join(REPO_ROOT, 'scenarios', 'arrival-rate.ts'), '-e', `BASE_URL=${target.httpUrl}`, '-e', 'SECONDS=4']);
    expect(res.code, res.stderr + res.stdout).toBe(0);
    expect(res.stdout).toContain('THRESHOLDS');
  });
});
