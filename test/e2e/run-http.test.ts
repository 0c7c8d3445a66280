/** `volley run` end to end against the embedded target: exact counts across workers and timing accuracy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const getScenario = (path: string, options: string) => `
import type { Iteration } from 'volley';
export const options = ${options};
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '${path}');
}
`;

describe('volley run', () => {
  it('runs exactly 1000 shared iterations over 10 VUs on 2 workers', async () => {
    const { dir, path } = await scenarioFile(getScenario('/', "{ scenarios: { s: { executor: 'shared-iterations', vus: 10, iterations: 1000 } } }"));
    await fetch(`${target.httpUrl}/__stats/reset`, { method: 'POST' });
    const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(0);
    const summary = await readSummary(join(dir, 's.json'));
    expect(metricValue(summary, 'http_reqs', 'count')).toBe(1000);
    expect(metricValue(summary, 'iterations', 'count')).toBe(1000);
    expect(target.stats()['/']).toBe(1000);
  });

  it('never detaches an ArrayBuffer, which would deoptimize every typed-array access in V8 mid-run', async () => {
    // Sending snapshots with a transfer list once did, at the run's first snapshot (worker/entry.ts).
    const { path } = await scenarioFile(getScenario('/', "{ vus: 4, duration: '2500ms' }"));
    const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`], { nodeArgs: ['--trace-protector-invalidation'] });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('http_reqs');
    expect(res.stdout).not.toContain('ArrayBufferDetaching');
  });

  it('measures a 50 ms delay as 50–53 ms, never below', async () => {
    const { dir, path } = await scenarioFile(getScenario('/delay/50', "{ vus: 10, duration: '3s' }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(0);
    const summary = await readSummary(join(dir, 's.json'));
    expect(metricValue(summary, 'http_req_duration', 'med')).toBeGreaterThanOrEqual(50);
    expect(metricValue(summary, 'http_req_duration', 'med')).toBeLessThanOrEqual(53);
    expect(metricValue(summary, 'http_req_duration', 'min')).toBeGreaterThanOrEqual(49.9);
  });

  it('prints a text summary with checks and trend stats on stdout', async () => {
    const { path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { iterations: 20, vus: 2 };
export default async function ({ http, check, env }: Iteration) {
  const r = await http.get(env.BASE_URL + '/json');
  check(r, { 'is 200': (x) => x.status === 200 });
}
`);
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('is 200');
    expect(res.stdout).toMatch(/http_req_duration\.*: avg=/);
    expect(res.stdout).toMatch(/http_reqs\.*: 20\b/);
  });

  it('reads its flags from VOLLEY_* variables, below the command line', async () => {
    const { dir, path } = await scenarioFile(getScenario('/', '{}'));
    const env = { VOLLEY_ITERATIONS: '7', VOLLEY_VUS: '2', VOLLEY_SUMMARY_EXPORT: join(dir, 's.json') };
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`], { env });
    expect(res.code, res.stderr).toBe(0);
    expect(metricValue(await readSummary(join(dir, 's.json')), 'http_reqs', 'count')).toBe(7);
    const flagWins = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--iterations', '3'], { env });
    expect(flagWins.code, flagWins.stderr).toBe(0);
    expect(metricValue(await readSummary(join(dir, 's.json')), 'http_reqs', 'count')).toBe(3);
  });
});
