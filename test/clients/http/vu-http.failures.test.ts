import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { refusedPort, startHttpServer, startRawServer, type LocalServer } from './local-server.js';

describe('failed requests', () => {
  let server: LocalServer;
  let t: HttpUnderTest;
  const hanging: ServerResponse[] = [];
  beforeEach(async () => {
    server = await startHttpServer((req, res) => {
      const status = /^\/status\/(\d+)$/.exec(req.url);
      if (req.url === '/hang') hanging.push(res);
      else res.writeHead(status ? Number(status[1]) : 200).end('x');
    });
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    for (const res of hanging.splice(0)) res.destroy();
    await server.close();
  });

  it('fails a request that outlives its timeout with status 0 and error_code 1050, promptly', async () => {
    const started = performance.now();
    const res = await t.http.get(`${server.url}/hang`, { timeout: 200 });
    const elapsed = performance.now() - started;
    expect(res).toMatchObject({ status: 0, error_code: 1050, error: 'request timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(199);
    expect(elapsed).toBeLessThan(1000);
  });

  it('accepts the timeout as a duration string', async () => {
    const started = performance.now();
    const res = await t.http.get(`${server.url}/hang`, { timeout: '150ms' });
    expect(res.error_code).toBe(1050);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("takes a timeout of '30d', past what one Node timer holds, without firing early or warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const res = await t.http.get(`${server.url}/`, { timeout: '30d' });
      expect(res).toMatchObject({ status: 200, error_code: 0 });
      await new Promise((r) => setTimeout(r, 20)); // a timer past the limit would have fired, and warned, after 1 ms
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('applies the run-wide timeout when params do not set one', async () => {
    const quick = httpUnderTest({ timeoutMs: 100 });
    const res = await quick.http.get(`${server.url}/hang`);
    await quick.http.close();
    expect(res.error_code).toBe(1050);
  });

  it('records a timed-out request as failed with its error_code tag', async () => {
    await t.http.get(`${server.url}/hang`, { timeout: 100 });
    expect(t.sink.one('http_req_failed')).toMatchObject({ value: 1, tags: { status: '0', error_code: '1050', expected_response: 'false' } });
  });

  it('keeps working on the same origin after a timeout', async () => {
    await t.http.get(`${server.url}/hang`, { timeout: 100 });
    const res = await t.http.get(server.url);
    expect(res.status).toBe(200);
  });

  it('reports a refused connection as status 0 with error_code 1212', async () => {
    const res = await t.http.get(`http://127.0.0.1:${await refusedPort()}/`);
    expect(res).toMatchObject({ status: 0, error_code: 1212, error: 'dial: connection refused' });
    expect(t.sink.one('http_req_failed').value).toBe(1);
  });

  it('reports a socket reset mid-response as a failed request (1220)', async () => {
    const raw = await startRawServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial');
        setTimeout(() => socket.resetAndDestroy(), 20);
      });
    });
    const res = await t.http.get(raw.url);
    await raw.close();
    expect(res).toMatchObject({ status: 0, error_code: 1220 });
    expect(t.sink.one('http_req_failed').value).toBe(1);
  });

  it('reports a connection closed mid-body as a failed request', async () => {
    const raw = await startRawServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial'));
    });
    const res = await t.http.get(raw.url);
    await raw.close();
    expect(res.status).toBe(0);
    expect(res.error_code).toBeGreaterThanOrEqual(1000);
    expect(res.error).not.toBe('');
  });

  it('reports a server that does not speak HTTP as a failed request', async () => {
    const raw = await startRawServer((socket) => {
      socket.once('data', () => socket.write('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    });
    const res = await t.http.get(raw.url);
    await raw.close();
    expect(res).toMatchObject({ status: 0, error_code: 1000 });
    expect(res.error).toMatch(/malformed HTTP response/);
  });

  it.each(['not a url', 'ftp://127.0.0.1/file', '/relative/path'])('reports the invalid URL %j as a failed request, not an exception', async (url) => {
    const res = await t.http.get(url);
    expect(res).toMatchObject({ status: 0, error_code: 1000 });
    expect(res.error).toMatch(/invalid URL/);
    expect(t.sink.one('http_req_failed')).toMatchObject({ value: 1, tags: { name: url, status: '0' } });
  });

  it.each([404, 500])('counts a %i as failed, with expected_response false and error_code 1000+status', async (status) => {
    const res = await t.http.get(`${server.url}/status/${status}`);
    expect(res).toMatchObject({ status, error_code: 1000 + status, error: '' });
    expect(t.sink.one('http_req_failed')).toMatchObject({
      value: 1,
      tags: { status: String(status), expected_response: 'false', error_code: String(1000 + status) },
    });
  });

  it('counts a status listed in expectedStatuses as not failed', async () => {
    await t.http.get(`${server.url}/status/404`, { expectedStatuses: [200, 404] });
    expect(t.sink.one('http_req_failed')).toMatchObject({ value: 0, tags: { expected_response: 'true' } });
  });

  it('accepts ranges in expectedStatuses and fails what they leave out', async () => {
    await t.http.get(`${server.url}/status/201`, { expectedStatuses: [{ min: 400, max: 499 }] });
    await t.http.get(`${server.url}/status/418`, { expectedStatuses: [{ min: 400, max: 499 }] });
    expect(t.sink.of('http_req_failed').map((s) => s.value)).toEqual([1, 0]);
  });
});
