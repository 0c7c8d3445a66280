/**
 * The outputs of one run without a terminal (as in CI): the plain progress lines, `--out json`,
 * `--out csv`, `--junit` and `--summary-export` agree with each other and with the summary, and no
 * credential of a URL reaches any of them. One run of 11 s (the plain status line comes every 10 s)
 * feeds every case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { runVolley, type ProcessResult } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { readTimeSeries } from '../support/time-series.js';
import type { SummaryData, SummaryGroup } from '../../src/outputs/summary-data.js';

const script = `
import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    browse: { executor: 'constant-vus', vus: 2, duration: '11s' },
    api: { executor: 'constant-arrival-rate', rate: 3, duration: '11s', preAllocatedVUs: 2, exec: 'api' },
  },
  thresholds: { http_req_duration: ['p(95)<5000', 'max<0.0001'], checks: ['rate>0.1'], 'http_reqs{scenario:api}': ['count>1'] },
};
export default async function ({ http, check, group, sleep, env }: Iteration) {
  const res = await http.get(env.SECRET_URL);
  check(res, { 'status is 200': (r) => r.status === 200 });
  await group('inner', async () => { check(res, { 'body, "quoted" & <escaped>': (r) => r.status === 200 }); });
  await sleep(0.25);
}
export async function api({ http, check, env }: Iteration) {
  const res = await http.get(env.SECRET_URL);
  check(res, { 'status is 200': (r) => r.status === 200, 'never holds': () => false });
}
`;

let target: RunningTarget;
let res: ProcessResult;
let dir: string;
let summary: SummaryData;
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

beforeAll(async () => {
  target = await startTestTarget();
  // One folder for the whole file (tempDir() is per test): removed in afterAll.
  dir = await mkdtemp(join(tmpdir(), 'volley-test-'));
  await writeFile(join(dir, 'scenario.ts'), script);
  const url = target.httpUrl.replace('http://', 'http://user:s3cr3t@');
  res = await runVolley(
    ['run', 'scenario.ts', '--workers', '2', '-e', `SECRET_URL=${url}/`, '--out', 'json=series.ndjson', '--out', 'csv=series.csv', '--junit', 'report.xml', '--summary-export', 'summary.json'],
    { cwd: dir, timeoutMs: 45_000 },
  );
  summary = JSON.parse(file('summary.json')) as SummaryData;
}, 50_000);
afterAll(async () => {
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outputs of a run without a terminal', () => {
  it('exits 99 for the threshold that failed', () => {
    expect(res.code, res.stderr).toBe(99);
  });

  it('prints a plain status line every 10 s and a last one with the complete and interrupted iterations, without ANSI codes', () => {
    expect(res.stderr).not.toMatch(/\x1b/);
    expect(res.stderr).toMatch(/^running \(0m\d\d\.\ds\), \d+\/4 VUs, \d+ complete iterations; browse \d+%; api \d+%, 0 dropped$/m);
    const { complete, interrupted } = summary.state.iterations;
    expect(res.stderr).toMatch(new RegExp(`^done \\(0m1\\d\\.\\ds\\), 0/4 VUs, ${complete} complete and ${interrupted} interrupted iterations; browse 100%; api 100%, 0 dropped$`, 'm'));
  });

  it('writes JSON seconds whose counts sum to the summary', () => {
    const series = readTimeSeries(join(dir, 'series.ndjson'));
    for (const [metric, stat] of [['iterations', 'count'], ['http_reqs', 'count'], ['checks', 'passes'], ['checks', 'fails']] as const) {
      const perSecond = [...series.perSecond(metric, stat).values()].reduce((a, b) => a + b, 0);
      expect(perSecond, `${metric} ${stat}`).toBe(summary.metrics[metric]!.values[stat]);
    }
  });

  it('writes CSV in the long form, quoted as RFC 4180 says, whose counts sum to the summary', () => {
    expect(file('series.csv').split('\n', 1)[0]).toBe('time,metric,tags,stat,value');
    const rows = parseCsv(file('series.csv'), { columns: true }) as { time: string; metric: string; tags: string; stat: string; value: string }[];
    const sum = (metric: string, stat: string) => rows.filter((r) => r.metric === metric && r.stat === stat).reduce((n, r) => n + Number(r.value), 0);
    for (const [metric, stat] of [['iterations', 'count'], ['http_reqs', 'count'], ['checks', 'passes'], ['checks', 'fails']] as const) {
      expect(sum(metric, stat), `${metric} ${stat}`).toBe(summary.metrics[metric]!.values[stat]);
    }
    const start = Math.min(...rows.map((r) => Number(r.time)));
    expect(rows.every((r) => (Number(r.time) - start) % 1000 === 0)).toBe(true);
    const check = rows.find((r) => r.metric === 'checks' && r.tags.includes('check=body'))!;
    expect(check.tags).toBe('check=body%2C%20%22quoted%22%20%26%20%3Cescaped%3E&group=%3A%3Ainner&scenario=browse');
    const trend = rows.filter((r) => r.metric === 'http_req_duration' && r.time === rows[0]!.time && r.tags === rows.find((x) => x.metric === 'http_req_duration')!.tags);
    expect(trend.map((r) => r.stat)).toEqual(['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
  });

  it('writes JUnit with a case per threshold and per check of each scenario, failed exactly where the summary shows ✗', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(file('report.xml'));
    const suites = xml.testsuites.testsuite as { name: string; tests: string; failures: string; testcase?: { name: string; failure?: { message: string } }[] }[];
    expect(suites.map((s) => s.name)).toEqual(['thresholds', 'browse', 'api']);
    const failedCases = (suite: string) => (suites.find((s) => s.name === suite)!.testcase ?? []).filter((c) => c.failure).map((c) => c.name);
    const cases = (suite: string) => (suites.find((s) => s.name === suite)!.testcase ?? []).map((c) => c.name);

    const thresholds = Object.entries(summary.metrics).flatMap(([key, m]) => Object.entries(m.thresholds ?? {}).map(([expr, r]) => ({ name: `${key} ${expr}`, ok: r.ok })));
    expect(cases('thresholds').sort()).toEqual(thresholds.map((t) => t.name).sort());
    expect(failedCases('thresholds')).toEqual(thresholds.filter((t) => !t.ok).map((t) => t.name));
    expect(failedCases('thresholds')).toEqual(['http_req_duration max<0.0001']);

    expect(cases('browse')).toEqual(['status is 200', 'inner::body, "quoted" & <escaped>']);
    expect(cases('api')).toEqual(['status is 200', 'never holds']);
    const failedChecks = flatChecks(summary.root_group).filter((c) => c.fails > 0).map((c) => c.name);
    expect([...failedCases('browse'), ...failedCases('api')]).toEqual(failedChecks);
    const never = suites.find((s) => s.name === 'api')!.testcase!.find((c) => c.name === 'never holds')!;
    const fails = summary.metrics.checks!.values.fails!;
    expect(never.failure!.message).toBe(`${fails} of ${fails} failed (passes: 0, fails: ${fails})`);
  });

  it('masks the credentials of the URL everywhere it shows (****:****), as k6 does', () => {
    const everything = [res.stdout, res.stderr, file('series.ndjson'), file('series.csv'), file('report.xml'), file('summary.json')].join('\n');
    expect(everything).not.toContain('s3cr3t');
    expect(file('series.ndjson')).toContain(`"name":"${target.httpUrl.replace('http://', 'http://****:****@')}/"`);
  });
});

function flatChecks(group: SummaryGroup): { name: string; fails: number }[] {
  return [...group.checks, ...group.groups.flatMap(flatChecks)];
}
