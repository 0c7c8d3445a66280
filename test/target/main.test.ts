/**
 * Runs the standalone target from the build (dist/target/main.js, which `npm test` builds first),
 * as benchmarks and out-of-process tests do.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { refusedPort } from '../support/refused-port.js';
import { REPO_ROOT } from '../support/repo-root.js';
import { spawnNode } from '../support/spawn-node.js';

const MAIN = join(REPO_ROOT, 'dist', 'target', 'main.js');
const READY = /volley target: grpc \S+\n/;

describe('node dist/target/main.js', () => {
  it('prints the HTTP, WebSocket and gRPC addresses when ready, then serves them', async () => {
    const port = await refusedPort();
    const grpcPort = await refusedPort();
    const proc = spawnNode(MAIN, ['--port', String(port), '--grpc-port', String(grpcPort)]);
    const out = await proc.waitForOutput(READY);
    expect(out).toBe(`volley target: http://127.0.0.1:${port}\nvolley target: ws://127.0.0.1:${port}\nvolley target: grpc 127.0.0.1:${grpcPort}\n`);
    const res = await request(`http://127.0.0.1:${port}/`);
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    proc.child.kill('SIGTERM');
    await proc.result;
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('exits 0 on %s, even with a delay in flight', async (signal) => {
    const proc = spawnNode(MAIN, ['--port', '0']);
    const out = await proc.waitForOutput(READY);
    const httpUrl = /volley target: (http:\/\/\S+)/.exec(out)![1]!;
    const pending = request(`${httpUrl}/delay/20000`).catch((err: unknown) => err);
    await new Promise((resolve) => setTimeout(resolve, 50));
    proc.child.kill(signal);
    const result = await proc.result;
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.durationMs).toBeLessThan(10_000);
    await pending;
  });

  it('keeps running after a client resets mid-request', async () => {
    const proc = spawnNode(MAIN, ['--port', '0']);
    const out = await proc.waitForOutput(READY);
    const url = new URL(/volley target: (http:\/\/\S+)/.exec(out)![1]!);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nabc');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const res = await request(`${url.origin}/json`);
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    expect(proc.child.exitCode).toBeNull();
    proc.child.kill('SIGTERM');
    expect((await proc.result).stderr).toBe('');
  });

  it('exits 104 with the problem on stderr for a bad --port', async () => {
    const result = await spawnNode(MAIN, ['--port', 'abc']).result;
    expect(result.code).toBe(104);
    expect(result.stderr).toMatch(/--port|port/);
    expect(result.stdout).toBe('');
  });

  it('exits 104 with a hint when the port is in use', async () => {
    const first = spawnNode(MAIN, ['--port', '0']);
    const out = await first.waitForOutput(READY);
    const port = new URL(/volley target: (http:\/\/\S+)/.exec(out)![1]!).port;
    const result = await spawnNode(MAIN, ['--port', port]).result;
    first.child.kill('SIGTERM');
    await first.result;
    expect(result.code).toBe(104);
    expect(result.stderr).toMatch(/already in use[^]*hint: /);
  });
});
