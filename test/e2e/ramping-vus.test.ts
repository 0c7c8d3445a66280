/** ramping-vus end to end: the `vus` time series follows the stages across workers; `--stage` from the CLI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readTimeSeries } from '../support/time-series.js';
import { metricValue, readSummary } from '../support/summary-export.js';

// `--out json` was built alongside this executor; the time-series test waits for `run --help` to list it.
const outJsonAvailable = (await runVolley(['run', '--help'])).stdout.includes('--out');

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const rampScript = `
import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    ramp: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [{ duration: '10s', target: 20 }, { duration: '10s', target: 0 }],
      gracefulRampDown: '0s',
    },
  },
};
export default async function ({ http, sleep, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.1);
}
`;

/**
 * The VU count scheduled over second s of 0→20 over 10s then 20→0 over 10s: it becomes v at v·500 ms
 * on the way up, and drops to v at 10 s + (20 − v)·500 ms on the way down (k6's instants).
 */
function scheduledRange(s: number): [number, number] {
  const at = (tMs: number) => (tMs < 10_000 ? Math.floor(tMs / 500) : Math.max(0, 20 - Math.floor((tMs - 10_000) / 500)));
  const from = at(s * 1000);
  const to = at(s * 1000 + 999.999);
  return [Math.min(from, to), Math.max(from, to)];
}

describe('ramping-vus', () => {
  it.skipIf(!outJsonAvailable)('reports each second a vus count within ±1 of the stage (10s → 20, 10s → 0, 2 workers)', async () => {
    const { dir, path } = await scenarioFile(rampScript);
    const out = join(dir, 'series.ndjson');
    const res = await runVolley(['run', path, '-q', '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--out', `json=${out}`], { timeoutMs: 90_000 });
    expect(res.code, res.stderr).toBe(0);
    const series = readTimeSeries(out);
    const vus = series.perSecond('vus', 'value');
    const max = series.perSecond('vus', 'max');
    for (let s = 0; s < 20; s++) {
      const [lo, hi] = scheduledRange(s);
      const value = vus.get(s);
      expect(value, `second ${s}: expected ${lo}–${hi} ±1, series ${JSON.stringify([...vus])}`).toBeGreaterThanOrEqual(lo - 1);
      expect(value, `second ${s}: expected ${lo}–${hi} ±1, series ${JSON.stringify([...vus])}`).toBeLessThanOrEqual(hi + 1);
      // Never above the stage either: no instant with every allocated VU active (at the start, say).
      expect(max.get(s), `second ${s} max, series ${JSON.stringify([...max])}`).toBeLessThanOrEqual(hi + 1);
    }
  }, 100_000);

  it('runs the stages of --stage DUR:TARGET given before the script, replacing its scenarios (k6: vus is startVUs)', async () => {
    const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 1, duration: '30s' };
export default async function ({ sleep }: Iteration) { await sleep(0.1); }
`);
    const summaryPath = join(dir, 's.json');
    const res = await runVolley(['run', '--stage', '1s:4', '-s', '1s:0', '-u', '0', '--summary-export', summaryPath, path]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('ramping-vus');
    const summary = await readSummary(summaryPath);
    expect(metricValue(summary, 'vus_max', 'value')).toBe(4);
    expect(metricValue(summary, 'vus', 'max')).toBe(4);
    // 0→4 over 1s then 4→0 over 1s is 4 VU-seconds: about 40 iterations of 100 ms, and 2 s, not 30.
    expect(metricValue(summary, 'iterations', 'count')).toBeGreaterThanOrEqual(30);
    expect(metricValue(summary, 'iterations', 'count')).toBeLessThanOrEqual(44);
    expect(summary.state.testRunDurationMs).toBeLessThan(6000);
  });

  it('rejects a --stage without a target with exit 104', async () => {
    const { path } = await scenarioFile(`export default async function () {}`);
    const res = await runVolley(['run', '--stage', '2s', path]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain('--stage');
  });
});
