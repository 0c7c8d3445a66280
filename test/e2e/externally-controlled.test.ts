/**
 * The control API end to end: a run of scenarios/externally-controlled.ts on --address 127.0.0.1:0,
 * its VUs raised from 1 to 5, paused and resumed, then stopped through the API (exit 105, summary
 * written). The scenario's DURATION caps the run should a step hang.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { spawnVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { tempDir } from '../support/temp-dir.js';
import { readSummary } from '../support/summary-export.js';
import { REPO_ROOT } from '../support/repo-root.js';
import { scenarioFile } from '../support/scenario-file.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const SCENARIO = join(REPO_ROOT, 'scenarios', 'externally-controlled.ts');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Status {
  status: number;
  paused: boolean;
  vus: number;
  'vus-max': number;
  stopped: boolean;
  running: boolean;
}

async function getStatus(api: string): Promise<Status> {
  const res = await fetch(`${api}/v1/status`);
  return ((await res.json()) as { data: { attributes: Status } }).data.attributes;
}

async function patchStatus(api: string, attributes: object): Promise<{ code: number; body: { data?: { attributes: Status }; errors?: { detail: string }[] } }> {
  const res = await fetch(`${api}/v1/status`, { method: 'PATCH', body: JSON.stringify({ data: { type: 'status', id: 'default', attributes } }) });
  return { code: res.status, body: (await res.json()) as { data?: { attributes: Status }; errors?: { detail: string }[] } };
}

/** Requests the target served so far. */
async function served(): Promise<number> {
  const res = await fetch(`${target.httpUrl}/__stats`);
  return ((await res.json()) as { total: number }).total;
}

/** Requests served during the next `ms`. */
async function servedDuring(ms: number): Promise<number> {
  const before = await served();
  await pause(ms);
  return (await served()) - before;
}

it('raises VUs 1 → 5, pauses, resumes and stops through the control API (exit 105, summary written)', async () => {
  const dir = await tempDir();
  const exportPath = join(dir, 'summary.json');
  const proc = spawnVolley(['run', SCENARIO, '--address', '127.0.0.1:0', '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '-e', 'DURATION=40s', '--summary-export', exportPath]);
  const stderr = await proc.waitForOutput(/control API: http:\/\/127\.0\.0\.1:\d+\n/, 'stderr');
  const api = /control API: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1]!;

  while ((await getStatus(api)).status !== 7) await pause(100);
  expect(await getStatus(api)).toMatchObject({ running: true, paused: false, 'vus-max': 20, stopped: false });
  await pause(1200); // the first snapshot brings the active count
  expect((await getStatus(api)).vus).toBe(1);
  const atOne = await servedDuring(1000);

  const raised = await patchStatus(api, { vus: 5 });
  expect(raised.code).toBe(200);
  expect(raised.body.data?.attributes.vus).toBe(5);
  const atFive = await servedDuring(1000);
  expect(atFive).toBeGreaterThan(atOne * 2.5);

  const refused = await patchStatus(api, { vus: 21 });
  expect(refused.code).toBe(400);
  expect(refused.body.errors?.[0]?.detail).toContain('vus (21) must not be more than vus-max (20');

  expect((await patchStatus(api, { paused: true })).body.data?.attributes.paused).toBe(true);
  await pause(300); // iterations in flight finish
  expect(await servedDuring(800)).toBe(0);
  expect((await patchStatus(api, { paused: false })).body.data?.attributes.paused).toBe(false);
  expect(await servedDuring(800)).toBeGreaterThan(0);

  expect((await patchStatus(api, { stopped: true })).body.data?.attributes.stopped).toBe(true);
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
  expect(res.stderr).toContain('stop requested through the control API');
  const summary = await readSummary(exportPath);
  expect(summary.metrics.vus?.values.max).toBe(5);
  expect(summary.metrics.http_reqs?.values.count).toBeGreaterThan(0);
  await expect(fetch(`${api}/v1/status`)).rejects.toThrow(); // closed with the run
});

it('exits 104 naming --address when the address is taken', async () => {
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const port = (holder.address() as { port: number }).port;
  try {
    const proc = spawnVolley(['run', SCENARIO, '--address', `127.0.0.1:${port}`, '-e', `BASE_URL=${target.httpUrl}`, '-e', 'DURATION=5s']);
    const res = await proc.result;
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(`--address: 127.0.0.1:${port} is already in use`);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  } finally {
    holder.close();
  }
});

it('pauses a constant-vus run too, and refuses vus without an externally-controlled scenario', async () => {
  const { path: script } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 2, duration: '30s' };
export default async function ({ http, env, sleep }: Iteration) {
  await http.get(env.BASE_URL + '/');
  await sleep(0.05);
}
`);
  const proc = spawnVolley(['run', script, '--address', '127.0.0.1:0', '-e', `BASE_URL=${target.httpUrl}`]);
  const stderr = await proc.waitForOutput(/control API: http:\/\/127\.0\.0\.1:\d+\n/, 'stderr');
  const api = /control API: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1]!;
  while ((await getStatus(api)).status !== 7) await pause(100);
  const refused = await patchStatus(api, { vus: 1 });
  expect(refused.code).toBe(400);
  expect(refused.body.errors?.[0]?.detail).toContain('an externally-controlled scenario is needed');
  await patchStatus(api, { paused: true });
  await pause(300);
  expect(await servedDuring(600)).toBe(0);
  await patchStatus(api, { paused: false });
  expect(await servedDuring(600)).toBeGreaterThan(0);
  await patchStatus(api, { stopped: true });
  const res = await proc.result;
  expect(res.code, res.stderr).toBe(105);
});
