/**
 * `http_req_blocked` measures what k6's does (issue 13, case 6): the wait for a connection. Nothing on
 * a reused idle keep-alive connection, and at least the connect on a new one. The target runs in a
 * process of its own, answering as fast as a real server on this machine would.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo-root.js';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { spawnNode, type NodeProcess } from '../support/spawn-node.js';
import { metricValue, readSummary } from '../support/summary-export.js';

let target: NodeProcess;
let baseUrl: string;
beforeAll(async () => {
  target = spawnNode(join(REPO_ROOT, 'dist', 'target', 'main.js'), ['--port', '0']);
  baseUrl = /volley target: (http:\/\/\S+)\n/.exec(await target.waitForOutput(/volley target: ws:\/\/\S+\n/))![1]!;
});
afterAll(async () => {
  target.child.kill('SIGTERM');
  await target.result;
});

const script = `
import type { Iteration } from 'volley';
export default async function ({ http, check, env }: Iteration) {
  const r = await http.get(env.BASE_URL + '/');
  check(r, { 'blocked includes connecting': (x) => x.timings.blocked >= x.timings.connecting });
}
`;

/** Runs the script with `flags` (10 VUs on one thread: the VUs' turns of its event loop are what once landed in blocked). */
async function run(flags: string[]) {
  const { dir, path } = await scenarioFile(script);
  const out = join(dir, 'summary.json');
  const trendStats = ['--summary-trend-stats', 'min,med,max'];
  const res = await runVolley(['run', path, '-q', '--workers', '1', '-u', '10', '-d', '1s', '-e', `BASE_URL=${baseUrl}`, ...trendStats, '--summary-export', out, ...flags]);
  expect(res.code, res.stderr).toBe(0);
  return readSummary(out);
}

describe('http_req_blocked', () => {
  it('is under 20 µs at the median on reused keep-alive connections', async () => {
    const summary = await run([]);
    expect(metricValue(summary, 'http_reqs', 'count')).toBeGreaterThan(100);
    expect(metricValue(summary, 'http_req_connecting', 'med')).toBe(0);
    expect(metricValue(summary, 'http_req_blocked', 'med')).toBeLessThan(0.02);
  });

  it('is at least connecting on every new connection (--no-connection-reuse)', async () => {
    const summary = await run(['--no-connection-reuse']);
    expect(metricValue(summary, 'http_req_connecting', 'min')).toBeGreaterThan(0);
    expect(metricValue(summary, 'checks', 'rate')).toBe(1);
    expect(metricValue(summary, 'http_req_blocked', 'med')).toBeGreaterThanOrEqual(metricValue(summary, 'http_req_connecting', 'med'));
  });
});
