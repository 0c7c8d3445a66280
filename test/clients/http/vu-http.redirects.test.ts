import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer, type ReceivedRequest } from './local-server.js';

/** /chain/N redirects to /chain/N-1 (relative Location) until /chain/0, which answers 'end'. */
function route(req: ReceivedRequest, res: import('node:http').ServerResponse, otherOrigin: () => string): void {
  const chain = /^\/chain\/(\d+)$/.exec(req.url);
  if (chain) {
    const n = Number(chain[1]);
    if (n === 0) return void res.end('end');
    res.writeHead(302, { location: `/chain/${n - 1}` });
    return void res.end('moving');
  }
  const status = /^\/status\/(\d+)$/.exec(req.url);
  if (status) {
    res.writeHead(Number(status[1]), { location: '/echo' });
    return void res.end();
  }
  if (req.url === '/away') {
    res.writeHead(301, { location: `${otherOrigin()}/echo` });
    return void res.end();
  }
  if (req.url === '/nested/page') {
    res.writeHead(302, { location: '../echo?from=nested' });
    return void res.end();
  }
  res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body.toString(), auth: req.headers.authorization ?? null }));
}

describe('redirects', () => {
  let server: LocalServer & { received: ReceivedRequest[] };
  let other: LocalServer & { received: ReceivedRequest[] };
  let t: HttpUnderTest;
  beforeEach(async () => {
    other = await startHttpServer((req, res) => route(req, res, () => other.url));
    server = await startHttpServer((req, res) => route(req, res, () => other.url));
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    await server.close();
    await other.close();
  });

  it('follows a chain of redirects to the final response', async () => {
    const res = await t.http.get(`${server.url}/chain/3`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('end');
    expect(res.url).toBe(`${server.url}/chain/0`);
  });

  it('records every hop as its own request, all under the name of the first URL', async () => {
    await t.http.get(`${server.url}/chain/2`);
    const reqs = t.sink.of('http_reqs');
    expect(reqs.map((s) => s.tags.status)).toEqual(['302', '302', '200']);
    expect(new Set(reqs.map((s) => s.tags.name))).toEqual(new Set([`${server.url}/chain/2`]));
  });

  it('resolves a relative Location against the URL that answered', async () => {
    const res = await t.http.get(`${server.url}/nested/page`);
    expect(res.json('url')).toBe('/echo?from=nested');
  });

  it('turns a POST into a GET without body after a 303', async () => {
    const res = await t.http.post(`${server.url}/status/303`, { a: 1 });
    expect(res.json()).toMatchObject({ method: 'GET', body: '' });
  });

  it('repeats method and body after a 307', async () => {
    const res = await t.http.put(`${server.url}/status/307`, 'payload');
    expect(res.json()).toMatchObject({ method: 'PUT', body: 'payload' });
  });

  it('follows a redirect to another origin and drops the Authorization header', async () => {
    const res = await t.http.get(`${server.url}/away`, { headers: { Authorization: 'Bearer secret' } });
    expect(res.url).toBe(`${other.url}/echo`);
    expect(res.json('auth')).toBeNull();
  });

  it('stops at the limit and returns the last redirect with an error message', async () => {
    const res = await t.http.get(`${server.url}/chain/5`, { redirects: 2 });
    expect(res.status).toBe(302);
    expect(res.url).toBe(`${server.url}/chain/3`);
    expect(res.error).toMatch(/stopped after 2 redirects/);
    expect(t.sink.of('http_reqs')).toHaveLength(3);
  });

  it('uses the run-wide maxRedirects when params do not say', async () => {
    const limited = httpUnderTest({ maxRedirects: 1 });
    const res = await limited.http.get(`${server.url}/chain/3`);
    await limited.http.close();
    expect(res.url).toBe(`${server.url}/chain/2`);
  });

  it('returns the first response as it is with redirects: 0', async () => {
    const res = await t.http.get(`${server.url}/chain/1`, { maxRedirects: 0 });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/chain/0');
  });

  it('does not count a redirect as a failed request', async () => {
    await t.http.get(`${server.url}/chain/1`);
    expect(t.sink.of('http_req_failed').map((s) => s.value)).toEqual([0, 0]);
  });
});
