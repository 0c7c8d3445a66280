import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagSet } from '../../../src/metrics/tags.js';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer, type ReceivedRequest } from './local-server.js';

const HTTP_METRICS = [
  'http_reqs',
  'http_req_duration',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'http_req_failed',
];

describe('metrics of a request', () => {
  let server: LocalServer & { received: ReceivedRequest[] };
  let t: HttpUnderTest;
  beforeEach(async () => {
    server = await startHttpServer((req, res) => res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-length': 5 }).end('body!'));
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    await server.close();
  });

  it('records one sample of every http_* metric per request', async () => {
    await t.http.get(server.url);
    for (const metric of HTTP_METRICS) expect(t.sink.of(metric), metric).toHaveLength(1);
    expect(t.sink.one('http_reqs').value).toBe(1);
  });

  it('tags samples with method, the URL as name, status, expected_response and the base tags', async () => {
    const url = `${server.url}/items?id=3`;
    await t.http.get(url);
    expect(t.sink.one('http_req_duration').tags).toEqual({
      scenario: 'default',
      group: '',
      method: 'GET',
      name: url,
      status: '200',
      expected_response: 'true',
    });
  });

  it('uses tags.name instead of the URL', async () => {
    await t.http.get(`${server.url}/items/123`, { tags: { name: 'item' } });
    expect(t.sink.one('http_reqs').tags.name).toBe('item');
  });

  it('adds the other params tags to the request samples', async () => {
    await t.http.get(server.url, { tags: { endpoint: 'root', name: 'r' } });
    expect(t.sink.one('http_req_waiting').tags).toMatchObject({ endpoint: 'root', name: 'r', method: 'GET' });
  });

  it('tags error_code only on failures', async () => {
    await t.http.get(server.url);
    await t.http.get(`${server.url}/missing`);
    const [ok, missing] = t.sink.of('http_reqs');
    expect(ok!.tags).not.toHaveProperty('error_code');
    expect(missing!.tags.error_code).toBe('1404');
  });

  it('follows the base tags as they change (a group starting)', async () => {
    await t.http.get(server.url);
    t.tags.current = TagSet.of({ scenario: 'default', group: '::login' });
    await t.http.get(server.url);
    expect(t.sink.of('http_reqs').map((s) => s.tags.group)).toEqual(['', '::login']);
  });

  it('counts the bytes of request line, headers and body in data_sent', async () => {
    await t.http.post(`${server.url}/p`, 'x'.repeat(500));
    const req = server.received[0]!;
    const headerBytes = Object.entries(req.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
    const requestLine = `POST /p HTTP/1.1\r\n`.length;
    expect(t.sink.one('data_sent').value).toBe(requestLine + headerBytes + 2 + 500);
  });

  it('counts the bytes of status line, headers and body in data_received', async () => {
    const res = await t.http.get(server.url);
    const headerBytes = Object.entries(res.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    const statusLine = 'HTTP/1.1 200 OK\r\n'.length;
    expect(t.sink.one('data_received').value).toBe(statusLine + headerBytes + 2 + 'body!'.length);
  });

  it('tags data_sent and data_received with the base tags only', async () => {
    await t.http.get(server.url, { tags: { name: 'x' } });
    expect(t.sink.one('data_sent').tags).toEqual({ scenario: 'default', group: '' });
    expect(t.sink.one('data_received').tags).toEqual({ scenario: 'default', group: '' });
  });

  it('asks the sink for recorders once per tag combination, not per request', async () => {
    for (let i = 0; i < 5; i++) await t.http.get(server.url);
    const afterOneCombination = t.sink.seriesCalls;
    for (let i = 0; i < 5; i++) await t.http.get(server.url);
    expect(afterOneCombination).toBe(HTTP_METRICS.length + 2);
    expect(t.sink.seriesCalls).toBe(afterOneCombination);
  });

  it('records nothing twice for one request', async () => {
    await Promise.all([t.http.get(server.url), t.http.get(`${server.url}/missing`)]);
    expect(t.sink.of('http_reqs')).toHaveLength(2);
    expect(t.sink.sum('http_req_failed')).toBe(1);
  });
});
