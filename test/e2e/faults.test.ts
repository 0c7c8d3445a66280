/**
 * `volley run` against `volley target --faults`: for every fault, what volley counts (requests,
 * failures, k6's error codes) is what the target saw; no phantom failures on connections the server
 * closed (issue 13, case 1).
 */
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { runVolley, spawnVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';
import { readTimeSeries, type TimeSeries } from '../support/time-series.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTarget({ faults: true })));
afterAll(() => target.close());
beforeEach(async () => {
  await (await request(`${target.httpUrl}/__stats/reset`, { method: 'POST' })).body.dump();
});

/** Requests recorded with these tags, over the whole run. */
function requests(series: TimeSeries, tags: Record<string, string>): number {
  let n = 0;
  for (const count of series.perSecond('http_reqs', 'count', tags).values()) n += count;
  return n;
}

/** Runs `iteration` (the body of the default function, with `http` and `env` in scope) `iterations` times. */
async function runIterations(iteration: string, iterations: number, vus: number, extra: string[] = []) {
  const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'shared-iterations', vus: ${vus}, iterations: ${iterations} } } };
export default async function ({ http, env }: Iteration) {
${iteration}
}
`);
  const out = join(dir, 'series.ndjson');
  const summaryPath = join(dir, 'summary.json');
  const env = ['-e', `BASE_URL=${target.httpUrl}`, '-e', `REFUSE_URL=${target.refuseUrl!}`];
  const res = await runVolley(['run', path, '-q', '--workers', '2', ...env, '--out', `json=${out}`, '--summary-export', summaryPath, ...extra], { timeoutMs: 40_000 });
  expect(res.code, res.stderr).toBe(0);
  return { series: readTimeSeries(out), summary: await readSummary(summaryPath) };
}

describe('volley run against every fault', () => {
  // name tag → path, and what volley must record for each of N requests (k6's error codes).
  const N = 12;
  const faults = [
    ['close-idle', { status: '200' }],
    ['reset-headers', { status: '0', error_code: '1220' }],
    ['reset-body', { status: '0', error_code: '1220' }],
    ['hang', { status: '0', error_code: '1050' }],
    ['trickle/5', { status: '200' }],
    ['garbage', { status: '0', error_code: '1000' }],
    ['big-headers', { status: '0', error_code: '1000' }],
    ['wrong-length', { status: '0', error_code: '1000' }],
  ] as const;

  it(`records exactly what the target saw, over ${N} iterations`, async () => {
    const calls = faults.map(([name]) => `  await http.get(env.BASE_URL + '/faults/${name}', { timeout: 200, tags: { name: '${name}' } });`);
    calls.push(`  await http.get(env.BASE_URL + '/faults/5xx-every/3', { tags: { name: '5xx' } });`);
    calls.push(`  await http.get(env.REFUSE_URL + '/', { tags: { name: 'refuse' } });`);
    const { series } = await runIterations(calls.join('\n'), N, 4);
    const stats = target.stats();
    for (const [name, outcome] of faults) {
      expect({ name, recorded: requests(series, { name }), withOutcome: requests(series, { name, ...outcome }), served: stats[`/faults/${name}`] }).toEqual({
        name,
        recorded: N,
        withOutcome: N,
        served: N,
      });
    }
    expect(requests(series, { name: '5xx', status: '503', error_code: '1503' })).toBe(N / 3);
    expect(requests(series, { name: '5xx', status: '200' })).toBe((2 * N) / 3);
    expect(stats['/faults/5xx-every/3']).toBe(N);
    expect(requests(series, { name: 'refuse', status: '0', error_code: '1220' })).toBe(N);
    expect(stats.refused).toBe(N);
    expect(stats.total).toBe(N * (faults.length + 1));
  });
});

describe('requests on connections the server closed (issue 13, case 1)', () => {
  it('300 GETs against close-idle: no failure, and the target served exactly 300', async () => {
    const { summary } = await runIterations(`  await http.get(env.BASE_URL + '/faults/close-idle');`, 300, 6);
    expect(metricValue(summary, 'http_reqs', 'count')).toBe(300);
    expect(metricValue(summary, 'http_req_failed', 'passes')).toBe(0);
    expect(target.stats()['/faults/close-idle']).toBe(300);
  });

  it('50 GETs reset mid-body on reused connections: exactly 50 failures, and the target saw exactly 50', async () => {
    const iteration = `  await http.get(env.BASE_URL + '/');\n  await http.get(env.BASE_URL + '/faults/reset-body', { tags: { name: 'reset-body' } });`;
    const { series, summary } = await runIterations(iteration, 50, 5);
    expect(metricValue(summary, 'http_req_failed', 'passes')).toBe(50);
    expect(requests(series, { name: 'reset-body', error_code: '1220' })).toBe(50);
    expect(requests(series, { name: 'reset-body' })).toBe(50);
    expect(target.stats()['/faults/reset-body']).toBe(50);
  });
});

describe('volley target --faults', () => {
  it('prints every fault endpoint and the refusing port, serves them, and exits 0 on SIGTERM', async () => {
    const proc = spawnVolley(['target', '--port', '0', '--faults'], { timeoutMs: 20_000 });
    const out = await proc.waitForOutput(/resets every connection as it is accepted\n/);
    const httpUrl = /volley target: (http:\/\/\S+)\n/.exec(out)![1]!;
    expect(out).toContain(`volley target: fault ${httpUrl}/faults/close-idle  `);
    expect(out).toContain(`volley target: fault ${httpUrl}/faults/5xx-every/:k  `);
    const res = await request(`${httpUrl}/faults/5xx-every/1`);
    await res.body.dump();
    expect(res.statusCode).toBe(503);
    proc.child.kill('SIGTERM');
    expect((await proc.result).code).toBe(0);
  });
});
