/**
 * retry-rule.ts: a request that met a keep-alive connection the server had closed is sent again on a
 * new connection when that is safe, once; everything else that fails is one failure.
 */
import type { Socket } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer } from './local-server.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTarget({ faults: true })));
afterAll(() => target.close());

describe('retrying on a connection the server closed', () => {
  let t: HttpUnderTest;
  beforeEach(async () => {
    await (await request(`${target.httpUrl}/__stats/reset`, { method: 'POST' })).body.dump();
    t = httpUnderTest();
  });
  afterEach(() => t.http.close());

  it('sends a GET again on a new connection: 20 answers, no failure, each request served once', async () => {
    for (let i = 0; i < 20; i++) expect((await t.http.get(`${target.httpUrl}/faults/close-idle`)).status).toBe(200);
    expect(t.sink.of('http_req_failed').map((s) => s.value)).toEqual(new Array(20).fill(0));
    expect(t.sink.of('http_reqs')).toHaveLength(20);
    expect(target.stats()['/faults/close-idle']).toBe(20);
  });

  it.each([
    ['PUT', {}],
    ['DELETE', {}],
    ['POST', { 'Idempotency-Key': 'k1' }],
  ])('sends a written %s %j again (safe to repeat)', async (method, headers) => {
    await t.http.get(`${target.httpUrl}/faults/close-idle`);
    const res = await t.http.request(method, `${target.httpUrl}/echo`, 'body', { headers });
    expect(res.status).toBe(200);
    expect(target.stats()['/echo']).toBe(1);
  });

  it('counts what went out on the lost connection as data sent', async () => {
    await t.http.get(`${target.httpUrl}/faults/close-idle`);
    const oneRequest = t.sink.one('data_sent').value;
    await t.http.get(`${target.httpUrl}/faults/close-idle`);
    expect(t.sink.sum('data_sent')).toBe(3 * oneRequest);
  });

  it('does not send a written POST again: one failure, which the server never saw', async () => {
    await t.http.get(`${target.httpUrl}/faults/close-idle`);
    const res = await t.http.post(`${target.httpUrl}/echo`, 'body');
    expect(res).toMatchObject({ status: 0, error_code: 1000 });
    expect(target.stats()['/echo']).toBeUndefined();
    expect(t.sink.of('http_req_failed').map((s) => s.value)).toEqual([0, 1]);
  });

  it('does not retry a response that broke after it began, on a reused connection', async () => {
    await t.http.get(`${target.httpUrl}/`);
    const res = await t.http.get(`${target.httpUrl}/faults/reset-body`);
    expect(res).toMatchObject({ status: 0, error_code: 1220 });
    expect(target.stats()['/faults/reset-body']).toBe(1);
  });

  it('does not retry on a connection opened for the request', async () => {
    const res = await t.http.get(`${target.refuseUrl!}/`);
    expect(res.status).toBe(0);
    expect(target.stats().refused).toBe(1);
  });
});

describe('the retried request', () => {
  it("has the lost attempt's time in blocked, and is retried at most once", async () => {
    // Serves the first request of each connection; any later one is dropped 50 ms after it arrives.
    const answered = new WeakSet<Socket>();
    const server = await startHttpServer((_req, res) => {
      const socket = res.socket!;
      if (!answered.has(socket)) {
        answered.add(socket);
        return res.end('ok');
      }
      setTimeout(() => socket.destroy(), 50);
    });
    const t = httpUnderTest();
    try {
      await t.http.get(server.url);
      const retried = await t.http.get(server.url);
      expect(retried.status).toBe(200);
      expect(retried.timings.blocked).toBeGreaterThanOrEqual(49);
      expect(retried.timings.connecting).toBeGreaterThan(0);
      expect(retried.timings.duration).toBeLessThan(retried.timings.blocked);
      expect(server.received).toHaveLength(3);
    } finally {
      await t.http.close();
      await server.close();
    }
  });

  it('fails once when the new connection fails too', async () => {
    // Answers only the very first request; drops every later one on any connection.
    let served = false;
    const server = await startHttpServer((_req, res) => {
      if (served) return res.socket!.destroy();
      served = true;
      res.end('ok');
    });
    const t = httpUnderTest();
    try {
      await t.http.get(server.url);
      const res = await t.http.get(server.url);
      expect(res.status).toBe(0);
      expect(server.received).toHaveLength(3);
      expect(t.sink.of('http_req_failed').map((s) => s.value)).toEqual([0, 1]);
    } finally {
      await t.http.close();
      await server.close();
    }
  });
});
