/** `--out json=FILE`: DESIGN.md's NDJSON, one line per series per second of the run, then the summary; outputs' bad targets are a 104. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readTimeSeries } from '../support/time-series.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const script = `
import type { Iteration, SetupContext } from 'volley';
export const options = { vus: 4, duration: '3s' };
export async function setup({ http, env }: SetupContext) { await http.get(env.BASE_URL + '/'); }
export default async function ({ http, sleep, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.05);
}
`;

describe('--out json', () => {
  it('writes whole seconds from the run start whose counters sum to the summary, then the summary', async () => {
    const { dir, path } = await scenarioFile(script);
    const out = join(dir, 'series.ndjson');
    const res = await runVolley(['run', path, '-q', '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--out', `json=${out}`]);
    expect(res.code, res.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toHaveProperty('summary');
    const series = readTimeSeries(out);
    const first = Math.min(...series.points.map((p) => p.t));
    for (const p of series.points) {
      expect((p.t - first) % 1000).toBe(0);
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['t', 'metric', 'tags', 'values']));
    }
    const seconds = new Set(series.points.map((p) => p.second));
    expect(seconds.size).toBeGreaterThanOrEqual(3);
    expect(seconds.size).toBeLessThanOrEqual(5);
    for (const [metric, stat] of [['iterations', 'count'], ['http_reqs', 'count']] as const) {
      const perSecond = [...series.perSecond(metric, stat).values()].reduce((a, b) => a + b, 0);
      expect(perSecond, metric).toBe(series.summary!.metrics[metric]!.values[stat]);
    }
    // Trends carry the summary's keys per second.
    const trend = series.points.find((p) => p.metric === 'http_req_duration')!;
    expect(Object.keys(trend.values)).toEqual(['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
    expect(series.points.some((p) => p.metric === 'vus' && p.values.value === 4)).toBe(true);
  });

  it.each([
    [['--out', 'nope=x.csv'], 'unknown output "nope"'],
    [['--out', 'prometheus=http://127.0.0.1:9090/api/v1/write'], 'prometheus is not supported yet; this version writes json'],
    [['--out', 'json'], '--out json: needs a file: --out json=FILE'],
    [['--junit', '/nonexistent-dir/r.xml'], '--junit: cannot write /nonexistent-dir/r.xml: the folder /nonexistent-dir does not exist'],
    [['--out', 'csv=x.csv?timeFormat=iso'], '--out csv: timeFormat must be unix_milli, unix, rfc3339 (got "iso")'],
    [['--out', 'json=/nonexistent-dir/x.ndjson'], '--out json: cannot write /nonexistent-dir/x.ndjson: the folder /nonexistent-dir does not exist'],
  ])('rejects %j with exit 104', async (flags, message) => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, ...flags, '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
