import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpParamsError } from '../../../src/clients/http/index.js';
import type { Params } from '../../../src/api/http.js';
import { DEFAULTS, httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer, type ReceivedRequest } from './local-server.js';

describe('requests a VU sends', () => {
  let server: LocalServer & { received: ReceivedRequest[] };
  let t: HttpUnderTest;
  beforeEach(async () => {
    server = await startHttpServer((_req, res) => res.end('ok'));
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    await server.close();
  });
  const last = () => server.received.at(-1)!;

  it('sends a GET with the path and query of the URL', async () => {
    const res = await t.http.get(`${server.url}/items?page=2`);
    expect(res.status).toBe(200);
    expect(last()).toMatchObject({ method: 'GET', url: '/items?page=2' });
  });

  it('sends the configured User-Agent by default', async () => {
    await t.http.get(server.url);
    expect(last().headers['user-agent']).toBe(DEFAULTS.userAgent);
  });

  it('lets a User-Agent header in params replace the default', async () => {
    await t.http.get(server.url, { headers: { 'User-Agent': 'mine/1.0' } });
    expect(last().headers['user-agent']).toBe('mine/1.0');
  });

  it('sends no User-Agent when the option is empty', async () => {
    const anonymous = httpUnderTest({ userAgent: '' });
    await anonymous.http.get(server.url);
    await anonymous.http.close();
    expect(last().headers).not.toHaveProperty('user-agent');
  });

  it('fails a request with a header value undici refuses, without throwing', async () => {
    const res = await t.http.get(server.url, { headers: { 'X-Bad': 'a\r\nInjected: 1' } });
    expect(res).toMatchObject({ status: 0, error_code: 1000 });
    expect(res.error).toMatch(/x-bad/i);
    expect(server.received).toHaveLength(0);
  });

  it('sends the headers given in params', async () => {
    await t.http.get(server.url, { headers: { 'X-Trace': 'abc', Accept: 'text/plain' } });
    expect(last().headers).toMatchObject({ 'x-trace': 'abc', accept: 'text/plain' });
  });

  it('sends a string body as it is', async () => {
    await t.http.post(server.url, 'a=1&b=2', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(last().body.toString()).toBe('a=1&b=2');
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('sends a Uint8Array body byte for byte', async () => {
    await t.http.put(server.url, new Uint8Array([0, 1, 254, 255]));
    expect([...last().body]).toEqual([0, 1, 254, 255]);
  });

  it('sends an ArrayBuffer body byte for byte', async () => {
    await t.http.patch(server.url, new Uint8Array([9, 8, 7]).buffer);
    expect([...last().body]).toEqual([9, 8, 7]);
  });

  it('sends a plain object as JSON with Content-Type application/json', async () => {
    await t.http.post(server.url, { name: 'x', n: [1, 2] });
    expect(JSON.parse(last().body.toString())).toEqual({ name: 'x', n: [1, 2] });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it("keeps the user's Content-Type for an object body", async () => {
    await t.http.post(server.url, { a: 1 }, { headers: { 'content-type': 'application/vnd.api+json' } });
    expect(last().headers['content-type']).toBe('application/vnd.api+json');
  });

  it.each([
    ['put', 'PUT'],
    ['patch', 'PATCH'],
    ['del', 'DELETE'],
    ['options', 'OPTIONS'],
    ['head', 'HEAD'],
  ] as const)('http.%s sends %s', async (fn, method) => {
    await t.http[fn](server.url);
    expect(last().method).toBe(method);
  });

  it('upper-cases the method given to request()', async () => {
    await t.http.request('purge', `${server.url}/cache`);
    expect(last()).toMatchObject({ method: 'PURGE', url: '/cache' });
  });

  it('sends credentials in the URL as basic auth', async () => {
    await t.http.get(`http://user:p%40ss@127.0.0.1:${server.port}/`);
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
  });

  it('reuses one connection for sequential requests to an origin', async () => {
    await t.http.get(server.url);
    await t.http.get(`${server.url}/other`);
    await t.http.post(server.url, 'x');
    expect(server.sockets).toHaveLength(1);
  });

  it('keeps the connection after a HEAD request', async () => {
    await t.http.head(server.url);
    await t.http.get(server.url);
    expect(server.sockets).toHaveLength(1);
  });

  it('opens a connection per request with noConnectionReuse', async () => {
    const fresh = httpUnderTest({ noConnectionReuse: true });
    await fresh.http.get(server.url);
    await fresh.http.get(server.url);
    await fresh.http.close();
    expect(server.sockets).toHaveLength(2);
  });

  it('gives each VU its own connection', async () => {
    const other = httpUnderTest();
    await Promise.all([t.http.get(server.url), other.http.get(server.url)]);
    await other.http.close();
    expect(server.sockets).toHaveLength(2);
  });

  it.each<[string, Params]>([
    ['a timeout that is not a duration', { timeout: '10x' }],
    ['a negative timeout', { timeout: -5 }],
    ['an unknown responseType', { responseType: 'xml' as never }],
    ['a negative redirect limit', { redirects: -1 }],
    ['an expected status that is not a number or range', { expectedStatuses: ['200' as never] }],
  ])('throws HttpParamsError for %s, sending nothing', (_what, params) => {
    expect(() => t.http.get(server.url, params)).toThrow(HttpParamsError);
    expect(server.received).toHaveLength(0);
  });

  it('throws HttpParamsError for a body that is not a string, bytes or object', () => {
    expect(() => t.http.post(server.url, 42 as never)).toThrow(HttpParamsError);
  });
});
