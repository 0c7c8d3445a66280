import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResponseJsonError } from '../../../src/clients/http/index.js';
import { httpUnderTest, type HttpUnderTest } from './http-under-test.js';
import { startHttpServer, type LocalServer } from './local-server.js';

const BYTES = Buffer.from([0, 1, 2, 200, 255]);
const BIG = 'x'.repeat(200_000);

describe('responses a VU receives', () => {
  let server: LocalServer;
  let t: HttpUnderTest;
  beforeEach(async () => {
    server = await startHttpServer((req, res) => {
      if (req.url === '/json') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ items: [{ id: 7 }, { id: 8 }], ok: true }));
      } else if (req.url === '/bytes') {
        res.end(BYTES);
      } else if (req.url === '/big') {
        res.end(BIG);
      } else if (req.url === '/multi') {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('X-Mixed-Case', 'Yes');
        res.end('héllo');
      } else {
        res.end('hello');
      }
    });
    t = httpUnderTest();
  });
  afterEach(async () => {
    await t.http.close();
    await server.close();
  });

  it('decodes a text body as UTF-8 by default', async () => {
    const res = await t.http.get(`${server.url}/multi`);
    expect(res.body).toBe('héllo');
  });

  it('gives headers lower-case names and joins repeated ones', async () => {
    const res = await t.http.get(`${server.url}/multi`);
    expect(res.headers['x-mixed-case']).toBe('Yes');
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
  });

  it('returns the body as bytes with responseType binary', async () => {
    const res = await t.http.get(`${server.url}/bytes`, { responseType: 'binary' });
    expect(res.body).toBeInstanceOf(Uint8Array);
    expect([...(res.body as Uint8Array)]).toEqual([...BYTES]);
  });

  it('returns a null body with responseType none but counts its bytes in data_received', async () => {
    const res = await t.http.get(`${server.url}/big`, { responseType: 'none' });
    expect(res.body).toBeNull();
    expect(t.sink.sum('data_received')).toBeGreaterThan(BIG.length);
  });

  it('discards bodies by default with discardResponseBodies', async () => {
    const discarding = httpUnderTest({ discardResponseBodies: true });
    const res = await discarding.http.get(`${server.url}/big`);
    await discarding.http.close();
    expect(res.body).toBeNull();
    expect(discarding.sink.sum('data_received')).toBeGreaterThan(BIG.length);
  });

  it('keeps a body despite discardResponseBodies when the request asks for text', async () => {
    const discarding = httpUnderTest({ discardResponseBodies: true });
    const res = await discarding.http.get(server.url, { responseType: 'text' });
    await discarding.http.close();
    expect(res.body).toBe('hello');
  });

  it('reassembles a body that arrives in many chunks', async () => {
    const res = await t.http.get(`${server.url}/big`);
    expect(res.body).toBe(BIG);
  });

  it('parses a JSON body with json()', async () => {
    const res = await t.http.get(`${server.url}/json`);
    expect(res.json()).toEqual({ items: [{ id: 7 }, { id: 8 }], ok: true });
  });

  it('selects part of a JSON body with a path', async () => {
    const res = await t.http.get(`${server.url}/json`);
    expect(res.json('items.1.id')).toBe(8);
    expect(res.json('items.#')).toBe(2);
    expect(res.json('items.5.id')).toBeUndefined();
  });

  it('parses JSON from a binary body too', async () => {
    const res = await t.http.get(`${server.url}/json`, { responseType: 'binary' });
    expect(res.json('ok')).toBe(true);
  });

  it('throws ResponseJsonError naming the request when the body is not JSON', async () => {
    const res = await t.http.get(server.url);
    expect(() => res.json()).toThrow(ResponseJsonError);
    expect(() => res.json()).toThrow(/GET http:\/\/127\.0\.0\.1:\d+ \(status 200\) is not JSON/);
  });

  it('throws ResponseJsonError when the body was discarded', async () => {
    const res = await t.http.get(`${server.url}/json`, { responseType: 'none' });
    expect(() => res.json()).toThrow(/discarded/);
  });

  it('reports the URL as requested, with no error', async () => {
    const url = `${server.url}/json?x=1`;
    const res = await t.http.get(url);
    expect(res).toMatchObject({ url, error: '', error_code: 0, request: { method: 'GET', url } });
  });

  it('has an empty text body for HEAD', async () => {
    const res = await t.http.head(server.url);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });
});
