import { connect, type Socket } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpTarget, type HttpTarget } from '../../src/target/http-target.js';

let target: HttpTarget;
let port: number;
beforeAll(async () => {
  target = await startHttpTarget('127.0.0.1', 0);
  port = Number(new URL(target.httpUrl).port);
});
afterAll(() => target.close());

function openSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Writes `data` on a fresh connection and resolves everything read until the server closes it. */
async function rawExchange(data: string): Promise<string> {
  const socket = await openSocket();
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.once('close', () => resolve(text));
    socket.write(data);
  });
}

/** Reads from `socket` until `pattern` matches what arrived. */
function readUntil(socket: Socket, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('latin1');
      if (!pattern.test(text)) return;
      socket.off('data', onData);
      resolve(text);
    };
    socket.on('data', onData);
  });
}

/** Resolves once `body` has arrived `count` times on `socket`. */
function countBodies(socket: Socket, body: string, count: number): Promise<number> {
  return new Promise((resolve) => {
    let text = '';
    let from = 0;
    let seen = 0;
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      text += chunk;
      for (let i = text.indexOf(body, from); i !== -1; i = text.indexOf(body, from)) {
        seen++;
        from = i + body.length;
      }
      if (seen >= count) resolve(seen);
    });
  });
}

async function stillServes(): Promise<void> {
  const res = await request(`${target.httpUrl}/json`);
  await res.body.dump();
  expect(res.statusCode).toBe(200);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('startHttpTarget', () => {
  it('answers a URL and the WebSocket origin on the same loopback port', () => {
    expect(target.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(target.wsUrl).toBe(target.httpUrl.replace('http:', 'ws:'));
  });

  it('keeps connections alive, advertising a 65 s idle timeout', async () => {
    const socket = await openSocket();
    socket.write('GET / HTTP/1.1\r\nHost: t\r\n\r\n');
    const first = await readUntil(socket, /\r\n\r\nHello from volley\n/);
    socket.write('GET /json HTTP/1.1\r\nHost: t\r\n\r\n');
    const second = await readUntil(socket, /"active":true\}/);
    socket.destroy();
    expect(first).toMatch(/keep-alive: timeout=65/i);
    expect(second).toMatch(/^HTTP\/1\.1 200/);
  });

  it('serves a thousand pipelined requests on one connection without closing it', async () => {
    const socket = await openSocket();
    let closed = false;
    socket.once('close', () => (closed = true));
    const answered = countBodies(socket, 'Hello from volley\n', 1000);
    socket.write('GET / HTTP/1.1\r\nHost: t\r\n\r\n'.repeat(1000));
    expect(await answered).toBe(1000);
    expect(closed).toBe(false);
    socket.destroy();
  });

  it('answers 400 to a request line that is not HTTP, and keeps serving', async () => {
    expect(await rawExchange('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServes();
  });

  it('answers 400 to a request target with control characters, and keeps serving', async () => {
    expect(await rawExchange('GET /\x01\x7f HTTP/1.1\r\nHost: t\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServes();
  });

  it('answers 400 to an absolute-form target that is not a URL', async () => {
    expect(await rawExchange('GET http://[bad HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
  });

  it('routes an absolute-form target by its path', async () => {
    expect(await rawExchange('GET http://t/json HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('answers a request without a Host header', async () => {
    expect(await rawExchange('GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.0 200|^HTTP\/1\.1 200/);
  });

  it('survives a client that resets mid-headers', async () => {
    const socket = await openSocket();
    socket.write('GET /json HTTP/1.1\r\nHost: t\r\nX-Partial: ');
    socket.resetAndDestroy();
    await pause(20);
    await stillServes();
  });

  it('survives a client that resets mid-body', async () => {
    const socket = await openSocket();
    socket.write('POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n0123456789');
    await pause(20);
    socket.resetAndDestroy();
    await pause(20);
    await stillServes();
  });

  it('survives a client that resets while its delay is pending, and drops the timer', async () => {
    const socket = await openSocket();
    socket.write('GET /delay/100 HTTP/1.1\r\nHost: t\r\n\r\n');
    await pause(20);
    socket.resetAndDestroy();
    await pause(150);
    await stillServes();
  });

  it('survives a client that resets while receiving a large body', async () => {
    const socket = await openSocket();
    socket.write('GET /bytes/10000000 HTTP/1.1\r\nHost: t\r\n\r\n');
    await readUntil(socket, /\r\n\r\n/);
    socket.resetAndDestroy();
    await pause(20);
    await stillServes();
  });

  it('survives a client that resets a WebSocket upgrade to an unknown path', async () => {
    const socket = await openSocket();
    socket.write('GET /nope HTTP/1.1\r\nHost: t\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    socket.resetAndDestroy();
    await pause(20);
    await stillServes();
  });
});

describe('HttpTarget.close', () => {
  it('resolves promptly with an idle keep-alive connection and a delay in flight', async () => {
    const t = await startHttpTarget('127.0.0.1', 0);
    const idle = await (await request(`${t.httpUrl}/`)).body.text();
    const pending = request(`${t.httpUrl}/delay/10000`).catch((err: unknown) => err);
    await pause(20);
    const start = performance.now();
    await t.close();
    expect(idle.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('can be called twice', async () => {
    const t = await startHttpTarget('127.0.0.1', 0);
    await t.close();
    await expect(t.close()).resolves.toBeUndefined();
  });

  it('stops accepting connections', async () => {
    const t = await startHttpTarget('127.0.0.1', 0);
    await t.close();
    await expect(request(`${t.httpUrl}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
