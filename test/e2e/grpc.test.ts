/**
 * gRPC from the iteration context, end to end: volley (a child process) against the embedded
 * target (in this process) and a plain grpc-js server with reflection (a third process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { metricValue, readSummary } from '../support/summary-export.js';
import { REPO_ROOT } from '../support/repo-root.js';
import { refusedPort } from '../support/refused-port.js';
import { startPlainServer } from '../support/grpc/plain-server.js';

const PROTOS = JSON.stringify(join(REPO_ROOT, 'scenarios', 'protos'));
const RUN_LIMIT = { timeoutMs: 40_000 };

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

/** Runs `source` with GRPC_ADDR set and the summary exported; returns the result and the summary. */
async function run(source: string, args: string[] = [], addr = target.grpcAddr) {
  const { dir, path } = await scenarioFile(source);
  const res = await runVolley(['run', path, '-e', `GRPC_ADDR=${addr}`, '--summary-export', join(dir, 's.json'), ...args], RUN_LIMIT);
  return { res, summary: res.code === 0 || res.code === 99 ? await readSummary(join(dir, 's.json')) : undefined };
}

describe('grpc unary calls', () => {
  it('measures a 20 ms server delay as 20–24 ms (10 VUs)', async () => {
    const { res, summary } = await run(`
import type { Iteration } from 'volley';
import { loadProtos } from 'volley/grpc';
const protos = loadProtos([${PROTOS}], 'demo.proto');
export const options = { vus: 10, duration: '2s' };
export default async function ({ grpc, vu, env }: Iteration) {
  const client = (vu.state.c ??= await grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true })) as any;
  await client.invoke('volley.demo.Demo/Unary', { message: 'x', delay_ms: 20 });
}`);
    expect(res.code, res.stderr).toBe(0);
    expect(metricValue(summary!, 'grpc_req_duration', 'med')).toBeGreaterThanOrEqual(20);
    expect(metricValue(summary!, 'grpc_req_duration', 'med')).toBeLessThanOrEqual(24);
    expect(metricValue(summary!, 'grpc_req_failed', 'rate')).toBe(0);
  });

  it('counts exactly 500 calls: 10 VUs on 2 workers, 100 iterations of connect, 5 calls, close', async () => {
    const { res, summary } = await run(
      `
import type { Iteration } from 'volley';
import { loadProtos } from 'volley/grpc';
const protos = loadProtos([${PROTOS}], 'demo.proto');
export const options = { scenarios: { s: { executor: 'shared-iterations', vus: 10, iterations: 100 } } };
export default async function ({ grpc, check, env }: Iteration) {
  const client = await grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true });
  for (let i = 0; i < 5; i++) {
    const r = await client.invoke('volley.demo.Demo/Unary', { message: 'm' + i });
    check(r, { 'status is OK': (x) => x.status === grpc.StatusOK, 'echoed': (x) => x.message?.message === 'm' + i });
  }
  client.close();
}`,
      ['--workers', '2'],
    );
    expect(res.code, res.stderr).toBe(0);
    expect(metricValue(summary!, 'grpc_req_duration', 'count')).toBe(500);
    expect(metricValue(summary!, 'grpc_req_failed', 'rate')).toBe(0);
    expect(summary!.metrics.checks!.values).toMatchObject({ passes: 1000, fails: 0 });
  });
});

describe('grpc streams', () => {
  it('delivers and counts every message of server, client and bidi streams', async () => {
    const { res, summary } = await run(`
import type { Iteration } from 'volley';
import { loadProtos } from 'volley/grpc';
const protos = loadProtos([${PROTOS}], 'demo.proto');
export const options = { scenarios: { s: { executor: 'shared-iterations', vus: 5, iterations: 20 } } };
export default async function ({ grpc, check, env }: Iteration) {
  const client = await grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true });
  let replies = 0;
  const server = client.stream('volley.demo.Demo/ServerStream');
  server.on('data', () => replies++);
  server.on('end', () => check(replies, { '10 replies': (n) => n === 10 }));
  server.write({ message: 'x', count: 10 });
  server.end();
  const upload = client.stream('/volley.demo.Demo/ClientStream');
  upload.on('data', (r) => check(r, { 'counted 5': (x) => x.index === 5 }));
  for (let i = 0; i < 5; i++) upload.write({ message: 'u' });
  upload.end();
  const chat = client.stream('volley.demo.Demo/Bidi');
  const echoed: string[] = [];
  chat.on('data', (r) => echoed.push(r.message as string));
  chat.on('end', () => { check(echoed, { 'echoed in order': (e) => e.join() === 'a,b,c,d,e' }); client.close(); });
  for (const m of ['a', 'b', 'c', 'd', 'e']) chat.write({ message: m });
  chat.end();
}`);
    expect(res.code, res.stderr).toBe(0);
    expect(metricValue(summary!, 'grpc_streams', 'count')).toBe(60);
    // 200 server-stream replies, 20 client-stream answers, 100 bidi echoes.
    expect(metricValue(summary!, 'grpc_streams_msgs_received', 'count')).toBe(320);
    // 20 server-stream requests, 100 client-stream messages, 100 bidi messages.
    expect(metricValue(summary!, 'grpc_streams_msgs_sent', 'count')).toBe(220);
    expect(summary!.metrics.checks!.values).toMatchObject({ passes: 60, fails: 0 });
    expect(metricValue(summary!, 'grpc_req_duration', 'count')).toBe(60);
  });
});

describe('grpc against a plain grpc-js server', () => {
  it('reflects its service without local protos, checks health, and meets it stopped: UNAVAILABLE, counted, no crash', async () => {
    const server = await startPlainServer();
    try {
      const { res, summary } = await run(
        `
import type { Iteration } from 'volley';
export const options = { iterations: 1 };
export default async function ({ grpc, check, env }: Iteration) {
  const client = await grpc.connect(env.GRPC_ADDR!, { plaintext: true, reflect: true });
  const health = await client.healthCheck();
  check(health, { 'health is SERVING': (h) => h.status === grpc.HealthCheckServing });
  const hello = await client.invoke('plain.v1.Greeter/Hello', { name: 'volley' });
  check(hello, { 'status is OK': (r) => r.status === grpc.StatusOK });
  check(hello, { 'greeting': (r) => r.message?.greeting === 'hello, volley' });
  await client.invoke('plain.v1.Greeter/Stop', {});
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = await client.invoke('plain.v1.Greeter/Hello', { name: 'again' });
  check(after, { 'status is OK': (r) => r.status === grpc.StatusOK });
  console.log('after stop: ' + after.status + ' ' + after.error?.message);
}`,
        [],
        server.addr,
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout + res.stderr).toContain('after stop: 14 ');
      const checks = summary!.root_group.checks;
      expect(checks.find((c) => c.name === 'health is SERVING')).toMatchObject({ passes: 1, fails: 0 });
      expect(checks.find((c) => c.name === 'greeting')).toMatchObject({ passes: 1, fails: 0 });
      expect(checks.find((c) => c.name === 'status is OK')).toMatchObject({ passes: 1, fails: 1 });
      expect(summary!.metrics.grpc_req_failed!.values).toMatchObject({ passes: 1 });
    } finally {
      await server.stop();
    }
  });

  it('reports a server that stops mid-stream as an error event, counted, and the run goes on', async () => {
    const server = await startPlainServer();
    try {
      const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { iterations: 1 };
export default async function ({ grpc, env }: Iteration) {
  const client = await grpc.connect(env.GRPC_ADDR!, { plaintext: true, reflect: true });
  const ticks = client.stream('plain.v1.Greeter/Ticks');
  let n = 0;
  ticks.on('data', () => n++);
  ticks.on('error', (e) => console.log('stream error: ' + e.code + ' ' + e.message));
  ticks.on('end', () => console.log('stream ended after ' + n));
  ticks.write({ count: 1000, every_ms: 20, exit_after: 3 });
  ticks.end();
}`);
      const res = await runVolley(['run', path, '-e', `GRPC_ADDR=${server.addr}`, '--summary-export', join(dir, 's.json')], RUN_LIMIT);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toMatch(/stream error: (14|13|1) /);
      expect(res.stderr).toContain('stream ended after 3');
      const summary = await readSummary(join(dir, 's.json'));
      expect(summary.metrics.grpc_req_failed!.values).toMatchObject({ passes: 1 });
      expect(metricValue(summary, 'iterations', 'count')).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe('grpc bad input', () => {
  it('a proto that does not parse fails init with its file and line (107)', async () => {
    const { dir, path } = await scenarioFile(`
import { loadProtos } from 'volley/grpc';
const protos = loadProtos(['.'], 'bad.proto');
export default async function () {}
`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'bad.proto'), 'syntax = "proto3";\npackage bad;\nmessage M {\n  string name = ;\n}\n');
    const res = await runVolley(['run', path], RUN_LIMIT);
    expect(res.code).toBe(107);
    expect(res.stderr).toMatch(/bad\.proto:4: illegal/);
    expect(res.stderr).not.toMatch(/\n\s+at .*node_modules/);
  });

  it('an unknown method, a call before connect resolved, a closed port and a mismatched request: clear errors, counted, the run goes on', async () => {
    const closed = await refusedPort();
    const { res, summary } = await run(`
import type { Iteration } from 'volley';
import { loadProtos } from 'volley/grpc';
const protos = loadProtos([${PROTOS}], 'demo.proto');
export const options = { iterations: 1 };
async function attempt(label: string, fn: () => unknown) {
  try { await fn(); console.log(label + ': no error'); } catch (e) { console.log(label + ': ' + (e as Error).message); }
}
export default async function ({ grpc, env }: Iteration) {
  const client = await grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true });
  await attempt('unknown method', () => client.invoke('volley.demo.Demo/Nope', {}));
  await attempt('mismatch', () => client.invoke('volley.demo.Demo/Unary', { message: 'x', delay_ms: 'soon' }));
  await attempt('unknown field', () => client.invoke('volley.demo.Demo/Unary', { mesage: 'x' }));
  const pending: any = grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true });
  await attempt('before connect', () => pending.invoke('volley.demo.Demo/Unary', {}));
  (await pending).close();
  await attempt('closed port', () => grpc.connect('127.0.0.1:${closed}', { protos, plaintext: true }));
  const ok = await client.invoke('volley.demo.Demo/Unary', { message: 'still fine' });
  console.log('then: ' + ok.status);
}`);
    expect(res.code, res.stderr).toBe(0);
    const out = res.stderr;
    expect(out).toMatch(/unknown method: invoke\(\/volley\.demo\.Demo\/Nope\): method volley\.demo\.Demo\/Nope not found in the loaded protos \(known: volley\.demo\.Demo\/Unary, /);
    expect(out).toMatch(/mismatch: .*does not match volley\.demo\.EchoRequest: delay_ms must be a 32-bit integer, got "soon"/);
    expect(out).toMatch(/unknown field: .*unknown field mesage \(volley\.demo\.EchoRequest has message, delayMs, count\)/);
    expect(out).toMatch(/before connect: invoke\(\): no gRPC connection yet: grpc\.connect\(\) returns a promise/);
    expect(out).toMatch(new RegExp(`closed port: grpc\\.connect\\(127\\.0\\.0\\.1:${closed}\\): connect ECONNREFUSED`));
    expect(out).toContain('then: 0');
    expect(summary!.metrics.grpc_req_failed!.values).toMatchObject({ passes: 5, fails: 1 });
  });
});
