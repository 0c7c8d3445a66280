import { readFileSync } from 'node:fs';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer } from './local-server.js';

/** Waits until at least `ms` have passed on the high-resolution clock (setTimeout may fire early by < 1 ms). */
function waitAtLeast(ms: number, done: () => void): void {
  const until = performance.now() + ms;
  const check = () => (performance.now() >= until ? done() : setTimeout(check, Math.max(1, until - performance.now())));
  setTimeout(check, ms);
}

describe('request timings', () => {
  let server: LocalServer;
  let t: HttpUnderTest;
  beforeEach(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === '/delay') return waitAtLeast(50, () => res.end('late'));
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-length': 4 });
        res.flushHeaders();
        return waitAtLeast(30, () => res.end('body'));
      }
      res.end('ok');
    });
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    await server.close();
  });

  it('measures connecting on the request that opened the connection and 0 on reuse', async () => {
    const first = await t.http.get(server.url);
    const second = await t.http.get(server.url);
    expect(first.timings.connecting).toBeGreaterThan(0);
    expect(second.timings.connecting).toBe(0);
    expect(t.sink.of('http_req_connecting').map((s) => s.value > 0)).toEqual([true, false]);
  });

  it('measures connecting on every request without connection reuse', async () => {
    const fresh = httpUnderTest({ noConnectionReuse: true });
    const a = await fresh.http.get(server.url);
    const b = await fresh.http.get(server.url);
    await fresh.http.close();
    expect(a.timings.connecting).toBeGreaterThan(0);
    expect(b.timings.connecting).toBeGreaterThan(0);
  });

  it("counts a new connection's connect inside blocked, as k6 does", async () => {
    const fresh = httpUnderTest({ noConnectionReuse: true });
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await fresh.http.get(server.url)).timings);
    await fresh.http.close();
    for (const timings of results) {
      expect(timings.connecting).toBeGreaterThan(0);
      expect(timings.blocked).toBeGreaterThanOrEqual(timings.connecting);
    }
  });

  it("reports blocked 0 on the VU's idle keep-alive connection, and undici's turn before writing on it as sending", async () => {
    await t.http.get(server.url);
    const reused = [];
    for (let i = 0; i < 5; i++) reused.push((await t.http.get(server.url)).timings);
    for (const timings of reused) {
      expect(timings.blocked).toBe(0);
      expect(timings.sending).toBeGreaterThan(0);
    }
  });

  it('makes duration the sum of sending, waiting and receiving', async () => {
    await t.http.get(server.url);
    const { timings } = await t.http.post(`${server.url}/slow-body`, 'x'.repeat(100_000));
    expect(timings.duration).toBeCloseTo(timings.sending + timings.waiting + timings.receiving, 9);
    expect(t.sink.of('http_req_duration')[1]!.value).toBe(timings.duration);
  });

  it('puts a server delay of 50 ms into waiting', async () => {
    await t.http.get(server.url);
    const { timings } = await t.http.get(`${server.url}/delay`);
    expect(timings.waiting).toBeGreaterThanOrEqual(49.9);
    expect(timings.receiving).toBeLessThan(20);
  });

  it('puts a body that follows the headers 30 ms later into receiving', async () => {
    const { timings } = await t.http.get(`${server.url}/slow-body`);
    // Not ≥ 30: server and client share this event loop, so on a busy machine the client may read
    // the headers a few ms after the server's 30 ms began (seen: 27.4 ms under a loaded CI).
    expect(timings.receiving).toBeGreaterThanOrEqual(20);
    expect(timings.waiting).toBeLessThan(timings.receiving);
  });

  it('measures the write of a large body as sending', async () => {
    await t.http.get(server.url);
    const { timings } = await t.http.post(server.url, new Uint8Array(1_000_000));
    expect(timings.sending).toBeGreaterThan(0);
  });

  it('counts time queued behind the VU’s other request on the origin as blocked', async () => {
    await t.http.get(server.url);
    const [slow, queued] = await Promise.all([t.http.get(`${server.url}/delay`), t.http.get(server.url)]);
    expect(slow.timings.blocked).toBeLessThan(20);
    expect(queued.timings.blocked).toBeGreaterThanOrEqual(45);
    expect(queued.timings.waiting).toBeLessThan(45);
  });

  it('never reports a negative phase', async () => {
    const results = await Promise.all([t.http.get(server.url), t.http.get(`${server.url}/delay`), t.http.get('http://127.0.0.1:1/')]);
    for (const { timings } of results) for (const v of Object.values(timings)) expect(v).toBeGreaterThanOrEqual(0);
  });
});

describe('TLS timings', () => {
  /** An https server on 127.0.0.1 with a self-signed certificate (fixtures/), and its URL. */
  async function selfSignedServer(): Promise<{ url: string; close: () => void }> {
    const dir = new URL('./fixtures/', import.meta.url);
    const server = createTlsServer({ key: readFileSync(new URL('self-signed.key', dir)), cert: readFileSync(new URL('self-signed.crt', dir)) }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
  }

  it('splits a TLS connection into connecting and tls_handshaking (here: a certificate the client rejects)', async () => {
    const server = await selfSignedServer();
    const t = httpUnderTest();
    const res = await t.http.get(server.url);
    await t.http.close();
    server.close();
    expect(res).toMatchObject({ status: 0, error_code: 1310 });
    expect(res.timings.connecting).toBeGreaterThan(0);
    expect(res.timings.tls_handshaking).toBeGreaterThan(0);
    expect(res.timings.blocked).toBeGreaterThanOrEqual(res.timings.connecting + res.timings.tls_handshaking);
  });

  it("accepts that certificate with k6's insecureSkipTLSVerify, and still times the handshake", async () => {
    const server = await selfSignedServer();
    const t = httpUnderTest({ insecureSkipTLSVerify: true });
    const res = await t.http.get(server.url);
    await t.http.close();
    server.close();
    expect(res).toMatchObject({ status: 200, body: 'ok', error_code: 0 });
    expect(res.timings.tls_handshaking).toBeGreaterThan(0);
  });
});
