/** Thresholds set the exit code: 99 when one fails, with ✗ and the observed value in the summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';
import { refusedPort } from '../support/refused-port.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const scenario = (thresholds: string, extra = '') => `
import type { Iteration } from 'volley';
export const options = { vus: 5, iterations: 50, thresholds: ${thresholds} ${extra} };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/delay/20');
}
`;

describe('thresholds', () => {
  it('exits 99 and marks ✗ with the observed value when p(95)<1 fails', async () => {
    const { dir, path } = await scenarioFile(scenario("{ http_req_duration: ['p(95)<1'] }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(99);
    expect(res.stdout).toMatch(/✗ 'p\(95\)<1' p\(95\)=\d+(\.\d+)?ms/);
    const summary = await readSummary(join(dir, 's.json'));
    expect(summary.metrics.http_req_duration?.thresholds?.['p(95)<1']?.ok).toBe(false);
  });

  it('exits 0 and marks ✓ when p(95)<500 holds', async () => {
    const { path } = await scenarioFile(scenario("{ http_req_duration: ['p(95)<500'] }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/✓ 'p\(95\)<500'/);
  });

  it('evaluates tag-filtered sub-metrics', async () => {
    const { path } = await scenarioFile(scenario("{ 'http_req_duration{status:200}': ['max<1'] }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(99);
    expect(res.stdout).toContain('http_req_duration{status:200}');
  });

  it("reads sub-metric keys as k6 does: the last '}' closes the key, a tag name may hold spaces", async () => {
    const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = {
  iterations: 1,
  thresholds: { 'http_reqs{name:http://\${}.com}': ['count==1'], "http_reqs{'my tag':a b}": ['count==1'], 'http_reqs{ my tag : a b }': ['count==1'] },
};
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/', { tags: { name: 'http://\${}.com' } });
  await http.get(env.BASE_URL + '/', { tags: { 'my tag': 'a b' } });
}
`);
    const res = await runVolley(['run', path, '-q', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(0);
    const { metrics } = await readSummary(join(dir, 's.json'));
    expect(metrics['http_reqs{name:http://${}.com}']?.thresholds?.['count==1']?.ok).toBe(true);
    expect(metrics["http_reqs{'my tag':a b}"]?.thresholds?.['count==1']?.ok).toBe(true);
    expect(metrics['http_reqs{ my tag : a b }']?.thresholds?.['count==1']?.ok).toBe(true);
  });

  it('--no-thresholds skips them', async () => {
    const { path } = await scenarioFile(scenario("{ http_req_duration: ['p(95)<1'] }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--no-thresholds']);
    expect(res.code, res.stderr).toBe(0);
  });
});

describe('a target that refuses connections', () => {
  const refused = (thresholds: string) => `
import type { Iteration } from 'volley';
export const options = { scenarios: { s: { executor: 'shared-iterations', vus: 4, iterations: 200 } } ${thresholds} };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
}
`;

  it('records every request as failed and exits 0 without thresholds', async () => {
    const port = await refusedPort();
    const { dir, path } = await scenarioFile(refused(''));
    const res = await runVolley(['run', path, '-e', `BASE_URL=http://127.0.0.1:${port}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(0);
    const summary = await readSummary(join(dir, 's.json'));
    expect(summary.metrics.http_reqs?.values.count).toBe(200);
    expect(summary.metrics.http_req_failed?.values.rate).toBe(1);
    expect(res.stderr).not.toMatch(/Unhandled|UnhandledPromiseRejection/);
  });

  it('exits 99 when http_req_failed rate<0.01 is set', async () => {
    const port = await refusedPort();
    const { path } = await scenarioFile(refused(", thresholds: { http_req_failed: ['rate<0.01'] }"));
    const res = await runVolley(['run', path, '-e', `BASE_URL=http://127.0.0.1:${port}`]);
    expect(res.code, res.stderr).toBe(99);
  });
});
