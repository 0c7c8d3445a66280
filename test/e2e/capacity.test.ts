/**
 * `volley capacity` end to end, in short steps: the generator-limited search (a lower bound, with the
 * reason), a target failing from the start (99), the time series' `step`, and bad input (104).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVolley, spawnVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { tempDir } from '../support/temp-dir.js';
import { readSummary } from '../support/summary-export.js';
import { startTargetProcess, type TargetProcess } from '../support/target-process.js';

const script = (path: string) => `
  import type { Iteration } from 'volley';
  export default async function ({ http, env }: Iteration) { await http.get(env.BASE_URL + '${path}'); }
`;

let target: TargetProcess;
beforeAll(async () => (target = await startTargetProcess(['--servers', '7', '--service-time', '20ms'])));
afterAll(() => target.close());

async function capacity(source: string, args: string[], timeoutMs = 60_000) {
  const { dir, path } = await scenarioFile(source);
  const exported = join(dir, 'summary.json');
  const series = join(dir, 'series.ndjson');
  const res = await runVolley(['capacity', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported, '--out', `json=${series}`, ...args], { timeoutMs });
  return { res, exported, series };
}

describe('volley capacity, limited by the generator', () => {
  it('reports the last passing rate as a lower bound, with the reason, when --max-vus 4 cannot offer the rate', async () => {
    const { res, exported, series } = await capacity(script('/'), ['--slo', 'http_req_duration:p(99)<100', '--max-vus', '4', '--step', '3s', '--warmup', '1s']);
    const { capacity: result } = await readSummary(exported);
    expect(result!.lowerBound).toBe(true);
    expect(result!.reason).toMatch(/generator limited the step at [\d,.]+\/s: \d+ iterations were dropped: all 4 VUs were busy/);
    expect(result!.steps.at(-1)!.lowerBound).toBe(true);
    expect(result!.steps.at(-1)!.droppedIterations).toBeGreaterThan(0);
    // 4 VUs of ≥ 20 ms each cannot start 200 iterations a second.
    expect(result!.steps.at(-1)!.rate).toBeLessThanOrEqual(200);
    expect(res.code, res.stderr).toBe(result!.sustainableRate === null ? 99 : 0);
    expect(res.stdout).toMatch(/sustainable rate: (at least [\d,.]+\/s .*a lower bound|below)/);
    expect(res.stderr).toContain('capacity: from 50/s up to 100,000/s, 3s steps (1s warm-up, then judged)');
    expect(res.stderr).toMatch(/capacity: step 0: 50\/s offered, [\d.]+\/s achieved; http_req_duration:p\(99\)<100 [\d.]+m?s [✓✗]/);
    // Every line of the time series names its step, and every step has lines.
    const lines = (await readFile(series, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { step?: number; summary?: unknown });
    const seconds = lines.filter((l) => !l.summary);
    expect(seconds.every((l) => typeof l.step === 'number')).toBe(true);
    expect(new Set(seconds.map((l) => l.step))).toEqual(new Set(result!.steps.map((_, i) => i)));
  }, 70_000);

  it('fails with --min-rate above the lower bound it found, saying the generator may be the limit', async () => {
    const { res, exported } = await capacity(script('/'), ['--slo', 'http_req_duration:p(99)<100', '--max-vus', '2', '--step', '2s', '--warmup', '1s', '--min-rate', '1000']);
    const { capacity: result } = await readSummary(exported);
    expect(res.code).toBe(99);
    expect(result!.lowerBound).toBe(true);
    expect(result!.reason).toMatch(/generator may be the limit/);
  }, 70_000);
});

describe('volley capacity against a target failing from the start', () => {
  it('exits 99 and says the capacity is below the start rate (driving the --exec function)', async () => {
    const source = `${script('/')}
      import { env, textSummary, type SummaryData } from 'volley';
      export async function failing({ http, env }: import('volley').Iteration) { await http.get(env.BASE_URL + '/status/500'); }
      export function handleSummary(data: SummaryData) { return { stdout: textSummary(data), [env.OUT!]: JSON.stringify(data.capacity) }; }`;
    const handled = join(await tempDir(), 'capacity.json');
    const { res, exported } = await capacity(source, ['--slo', 'http_req_failed:rate<0.01', '--step', '2s', '--warmup', '1s', '--exec', 'failing', '-e', `OUT=${handled}`]);
    const { capacity: result } = await readSummary(exported);
    // handleSummary gets the same result, and textSummary prints it.
    expect(JSON.parse(await readFile(handled, 'utf8'))).toEqual(result);
    expect(res.code, res.stderr).toBe(99);
    expect(result).toMatchObject({ sustainableRate: null, lowerBound: false, firstFailedSlo: { slo: 'http_req_failed:rate<0.01', value: 1, atRate: 50 } });
    expect(result!.steps).toHaveLength(1);
    expect(result!.reason).toContain('below the start rate');
    expect(res.stdout).toContain('below the start rate');
  }, 70_000);
});

describe('volley capacity stopped from outside', () => {
  it('exits 105 on ^C with the search so far in the summary', async () => {
    const { dir, path } = await scenarioFile(script('/'));
    const exported = join(dir, 'summary.json');
    const proc = spawnVolley(['capacity', path, '-e', `BASE_URL=${target.httpUrl}`, '--slo', 'http_req_duration:p(99)<100', '--step', '2s', '--warmup', '1s', '--summary-export', exported], { timeoutMs: 30_000 });
    await proc.waitForOutput('capacity: step 0:', 'stderr');
    proc.child.kill('SIGINT');
    const res = await proc.result;
    expect(res.code, res.stderr).toBe(105);
    const { capacity: result } = await readSummary(exported);
    expect(result!.steps.length).toBeGreaterThanOrEqual(1);
    expect(result!.reason).toMatch(/^the search was stopped before it ended; 50\/s met every SLO so far/);
  }, 40_000);
});

describe('volley target --servers N --service-time DUR', () => {
  it('serves through the capacity model, reported by /__stats', async () => {
    const proc = spawnVolley(['target', '--port', '0', '--servers', '3', '--service-time', '30ms'], { timeoutMs: 20_000 });
    const out = await proc.waitForOutput(/volley target: ws:\/\/\S+\n/);
    const url = /volley target: (http:\/\/\S+)/.exec(out)![1]!;
    const stats = (await (await fetch(`${url}/__stats`)).json()) as { capacity: unknown };
    expect(stats.capacity).toMatchObject({ servers: 3, serviceTimeMs: 30, served: 0 });
    proc.child.kill('SIGTERM');
    expect((await proc.result).code).toBe(0);
  });

  it.each([
    [['--servers', '3'], /--service-time: is needed with --servers/],
    [['--service-time', '20ms'], /--servers: is needed with --service-time/],
    [['--servers', '0', '--service-time', '20ms'], /servers: must be a whole number ≥ 1/],
    [['--servers', '2', '--service-time', '20'], /--service-time: missing unit/],
  ])('refuses %j with 104', async (args, message) => {
    const res = await runVolley(['target', '--port', '0', ...args], { timeoutMs: 20_000 });
    expect(res.code).toBe(104);
    expect(res.stderr).toMatch(message);
  });
});

describe('volley capacity refuses bad input with 104 and the reason', () => {
  it.each([
    [['--slo', 'http_req_duration'], /--slo "http_req_duration": must be METRIC:EXPRESSION/],
    [['--slo', 'http_req_duration:p(99)'], /failed parsing threshold expression/],
    [['--slo', 'http_req_duraton:p(99)<100'], /neither a built-in metric nor created by the script/],
    [[], /--slo: at least one is needed/],
    [['--slo', 'http_req_duration:p(99)<100', '--start-rate', '500', '--max-rate', '100'], /--start-rate: 500\/s is above --max-rate \(100\/s\)/],
    [['--slo', 'http_req_duration:p(99)<100', '--step', '5s', '--warmup', '5s'], /--warmup: the step \(5s\) is not longer than its warm-up \(5s\)/],
    [['--slo', 'http_req_duration:p(99)<100', '--step', '2.5s'], /--step: must be a whole number of seconds/],
    [['--slo', 'http_req_duration:p(99)<100', '--vus', '10'], /--vus: is not used by volley capacity/],
    [['--slo', 'http_req_duration:p(99)<100', '--exec', 'nope'], /--exec: the script does not export a function named nope/],
  ])('%j', async (args, message) => {
    const { res } = await capacity(script('/'), args);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses an SLO on a metric the script never emits, once the first step shows it', async () => {
    const { res } = await capacity(script('/'), ['--slo', 'http_req_duration:p(99)<100', '--slo', 'grpc_req_duration:p(99)<100', '--step', '2s', '--warmup', '1s']);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toMatch(/--slo "grpc_req_duration:p\(99\)<100": the script emitted no grpc_req_duration sample during the first step/);
  }, 30_000);
});
