import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { withTarget } from '../../support/test-target.js';
import { rawExchange, rawGet } from './raw-exchange.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTarget({ faults: true })));
afterAll(() => target.close());
beforeEach(async () => {
  await (await request(`${target.httpUrl}/__stats/reset`, { method: 'POST' })).body.dump();
});

const get = (path: string, waitMs?: number) => rawExchange(target.httpUrl, [rawGet(path)], waitMs);

describe('fault routes', () => {
  it('close-idle answers with keep-alive, then closes the connection at the next request without counting it', async () => {
    const res = await rawExchange(target.httpUrl, [rawGet('/faults/close-idle'), rawGet('/json')]);
    expect(res.data).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(res.data).not.toMatch(/connection: close/i);
    expect(res.data.match(/HTTP\/1\.1/g)).toHaveLength(1);
    expect(res.ended).toBe('closed');
    expect(target.stats()).toMatchObject({ '/faults/close-idle': 1, total: 1 });
    expect(target.stats()['/json']).toBeUndefined();
  });

  it('close-idle leaves the connection open while the client sends nothing', async () => {
    const res = await get('/faults/close-idle', 200);
    expect(res.ended).toBe('open');
  });

  it('reset-headers sends part of the headers, then resets', async () => {
    const res = await get('/faults/reset-headers');
    expect(res.data).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(res.data).not.toContain('\r\n\r\n');
    expect(res.ended).toBe('reset');
  });

  it('reset-body sends the headers and part of the declared body, then resets', async () => {
    const res = await get('/faults/reset-body');
    const [head, body] = res.data.split('\r\n\r\n');
    expect(head).toMatch(/content-length: 100/i);
    expect(body).toBe('0123456789');
    expect(res.ended).toBe('reset');
  });

  it('hang reads the request and never answers', async () => {
    const res = await get('/faults/hang', 300);
    expect(res).toEqual({ data: '', ended: 'open' });
    expect(target.stats()['/faults/hang']).toBe(1);
  });

  it('trickle sends the body one byte at a time, `ms` apart', async () => {
    const started = performance.now();
    const res = await request(`${target.httpUrl}/faults/trickle/20`);
    const chunks: number[] = [];
    for await (const chunk of res.body) chunks.push((chunk as Buffer).length);
    expect(res.statusCode).toBe(200);
    expect(chunks.reduce((a, n) => a + n, 0)).toBe(10);
    expect(chunks.length).toBeGreaterThan(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(9 * 20 - 5);
  });

  it('garbage answers with bytes that are not HTTP, then closes', async () => {
    const res = await get('/faults/garbage');
    expect(res.data).not.toMatch(/^HTTP\//);
    expect(res.data.length).toBeGreaterThan(0);
    expect(res.ended).toBe('closed');
  });

  it.each([
    ['/faults/big-headers', 64],
    ['/faults/big-headers/20', 20],
  ])('%s answers 200 with %i KiB of headers', async (path, kib) => {
    const res = await rawExchange(target.httpUrl, [rawGet(path, true)]);
    const head = res.data.split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.length).toBeGreaterThan(kib * 1024);
    expect(head.length).toBeLessThan(kib * 1024 + 512);
  });

  it('wrong-length declares 100 bytes, sends 10, then closes', async () => {
    const res = await get('/faults/wrong-length');
    const [head, body] = res.data.split('\r\n\r\n');
    expect(head).toMatch(/content-length: 100/i);
    expect(body).toBe('0123456789');
    expect(res.ended).toBe('closed');
  });

  it('5xx-every/3 answers 503 to the 3rd, 6th and 9th request and 200 to the others', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await request(`${target.httpUrl}/faults/5xx-every/3`);
      await res.body.dump();
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503, 200, 200, 503]);
  });

  it.each(['/faults/trickle/0', '/faults/trickle/x', '/faults/5xx-every/0', '/faults/big-headers/99999999'])('answers 400 to %s', async (path) => {
    const res = await request(`${target.httpUrl}${path}`);
    await res.body.dump();
    expect(res.statusCode).toBe(400);
  });

  it.each(['/faults/nope', '/faults/', '/faults/hang/1', '/faults/garbage/1'])('answers 404 to %s', async (path) => {
    const res = await request(`${target.httpUrl}${path}`);
    await res.body.dump();
    expect(res.statusCode).toBe(404);
  });

  it('counts each fault request under its path', async () => {
    await get('/faults/garbage');
    await get('/faults/wrong-length');
    await get('/faults/garbage');
    expect(target.stats()).toEqual({ '/faults/garbage': 2, '/faults/wrong-length': 1, total: 3, refused: 0 });
  });
});

describe('without --faults', () => {
  it.each(['/faults/hang', '/faults/garbage', '/faults/close-idle'])('%s does not exist (404)', async (path) => {
    await withTarget(async (plain) => {
      const res = await request(`${plain.httpUrl}${path}`);
      await res.body.dump();
      expect(res.statusCode).toBe(404);
      expect(plain.refuseUrl).toBeUndefined();
      expect(plain.stats().refused).toBeUndefined();
    });
  });
});
