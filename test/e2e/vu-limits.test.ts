/**
 * VU counts the machine cannot hold (#12): refused before anything starts when they cannot fit in
 * memory (104, with the numbers); a large run of sleeping VUs still runs and stops at ^C; running
 * out of file descriptors at run time fails requests with one warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley, spawnVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';

const sleepOnly = `
import type { Iteration } from 'volley';
export default async function ({ sleep }: Iteration) { await sleep(1); }
`;

describe('VUs that cannot fit in memory', () => {
  it.each([
    ['--vus 1e9 on the command line', sleepOnly, ['--vus', '1e9', '-d', '1s']],
    ["vus: 1e9 in the script's options", `export const options = { vus: 1e9, duration: '1s' };\n${sleepOnly}`, []],
  ])('%s: exit 104 before anything starts, with the numbers', async (_, source, flags) => {
    const { path } = await scenarioFile(`export function setup() { console.log('setup ran'); }\n${source}`);
    const res = await runVolley(['run', path, ...flags], { timeoutMs: 20_000 });
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toMatch(/1,000,000,000 VUs need about 18 TB of memory \(18 kB each, plus \d+ MB for volley\), and [\d.]+ [kMGT]?B is available/);
    expect(res.stderr).not.toContain('setup ran');
    expect(res.stdout).toBe('');
  });

  it('volley inspect prints the plan, and says on stderr that run would refuse it', async () => {
    const { path } = await scenarioFile(sleepOnly);
    const res = await runVolley(['inspect', path, '--vus', '1e9', '-d', '1s'], { timeoutMs: 20_000 });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ maxVUs: 1e9 });
    expect(res.stderr).toMatch(/^warning: volley run would refuse this plan here: 1,000,000,000 VUs need about/m);
  });
});

describe('100,000 VUs that only sleep', () => {
  it('run to the end and count', async () => {
    const { dir, path } = await scenarioFile(sleepOnly);
    // A count of iterations, not a duration: on a busy machine some of 100,000 VUs may start after a 2 s duration ended.
    const res = await runVolley(['run', path, '-u', '100000', '-i', '100000', '-q', '--summary-export', 's.json'], { cwd: dir, timeoutMs: 40_000 });
    expect(res.code, res.stderr).toBe(0);
    const summary = await readSummary(join(dir, 's.json'));
    expect(metricValue(summary, 'vus_max', 'value')).toBe(100_000);
    expect(metricValue(summary, 'iterations', 'count')).toBe(100_000);
  });

  it('stop at ^C (105) and write their summary', async () => {
    const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export default async function ({ sleep, vu }: Iteration) {
  if (vu.iterationInScenario === 0 && vu.idInTest === 1) console.log('running');
  await sleep(1);
}
`);
    const proc = spawnVolley(['run', path, '-u', '100000', '-d', '60s', '-q', '--summary-export', 's.json'], { cwd: dir, timeoutMs: 40_000 });
    await proc.waitForOutput('running', 'stderr');
    await new Promise((r) => setTimeout(r, 1000));
    const signalledAt = performance.now();
    proc.child.kill('SIGINT');
    const res = await proc.result;
    expect(res.code, res.stderr).toBe(105);
    expect(performance.now() - signalledAt).toBeLessThan(15_000); // iterations of 1 s finish, then it ends
    expect(metricValue(await readSummary(join(dir, 's.json')), 'vus_max', 'value')).toBe(100_000);
  });
});

describe('running out of file descriptors', () => {
  let target: RunningTarget;
  beforeAll(async () => (target = await startTestTarget()));
  afterAll(() => target.close());

  it('fails the requests that cannot connect (error_code 1213) with one warning, and the run goes on', async () => {
    // 400 VUs each hold a connection open for a second, under a limit of 200 open files.
    const { dir, path } = await scenarioFile(`
import { Counter } from 'volley';
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'per-vu-iterations', vus: 400, iterations: 1 } } };
const noFd = new Counter('no_fd');
export default async function ({ http, env, metrics, sleep }: Iteration) {
  const res = await http.get(env.BASE_URL + '/');
  if (res.error_code === 1213) metrics.add(noFd, 1);
  await sleep(1);
}
`);
    const res = await runVolley(['run', path, '-q', '--summary-export', 's.json', '-e', `BASE_URL=${target.httpUrl}`], { cwd: dir, maxOpenFiles: 200, timeoutMs: 30_000 });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr.match(/ran out of file descriptors/g)).toEqual(['ran out of file descriptors']);
    expect(res.stderr).toContain('warning: volley ran out of file descriptors (EMFILE, limit 200); connections that cannot be opened count as failed requests (error_code 1213)');
    const summary = await readSummary(join(dir, 's.json'));
    expect(metricValue(summary, 'http_reqs', 'count')).toBe(400);
    const failed = metricValue(summary, 'http_req_failed', 'passes');
    expect(failed).toBeGreaterThan(0);
    expect(metricValue(summary, 'no_fd', 'count')).toBe(failed);
  });
});
