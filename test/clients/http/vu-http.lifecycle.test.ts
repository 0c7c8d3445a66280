import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpInterruptedError } from '../../../src/clients/http/index.js';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer } from './local-server.js';

describe('interrupting and closing a VU client', () => {
  let server: LocalServer;
  let t: HttpUnderTest;
  const hanging: ServerResponse[] = [];
  beforeEach(async () => {
    server = await startHttpServer((req, res) => (req.url === '/hang' ? hanging.push(res) : res.end('ok')));
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    for (const res of hanging.splice(0)) res.destroy();
    await server.close();
  });

  it('ends an in-flight request promptly when the VU is interrupted', async () => {
    const pending = t.http.get(`${server.url}/hang`);
    setTimeout(() => t.abort.abort(), 50);
    const started = performance.now();
    await expect(pending).rejects.toBeInstanceOf(HttpInterruptedError);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('records no samples for an interrupted request', async () => {
    const pending = t.http.get(`${server.url}/hang`);
    setTimeout(() => t.abort.abort(), 20);
    await pending.catch(() => undefined);
    expect(t.sink.of('http_reqs')).toHaveLength(0);
  });

  it('ends a request still waiting for its connection when the VU is interrupted', async () => {
    const first = t.http.get(`${server.url}/hang`);
    const queued = t.http.get(server.url);
    setTimeout(() => t.abort.abort(), 20);
    await expect(first).rejects.toBeInstanceOf(HttpInterruptedError);
    await expect(queued).rejects.toBeInstanceOf(HttpInterruptedError);
  });

  it('rejects requests started after the interrupt without sending them', async () => {
    t.abort.abort();
    await expect(t.http.get(server.url)).rejects.toBeInstanceOf(HttpInterruptedError);
    expect(server.sockets).toHaveLength(0);
  });

  it('does not leave an unhandled rejection behind a request nobody awaited', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      void t.http.get(`${server.url}/hang`);
      await new Promise((r) => setTimeout(r, 20));
      t.abort.abort();
      void t.http.get(server.url);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('closes its connections on close()', async () => {
    await t.http.get(server.url);
    const socket = server.sockets[0]!;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(socket.destroyed).toBe(false);
    await t.http.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('ends in-flight requests on close()', async () => {
    const pending = t.http.get(`${server.url}/hang`);
    await new Promise((r) => setTimeout(r, 20));
    await t.http.close();
    await expect(pending).rejects.toBeInstanceOf(HttpInterruptedError);
  });

  it('can be closed twice', async () => {
    await t.http.get(server.url);
    await t.http.close();
    await expect(t.http.close()).resolves.toBeUndefined();
  });
});
