import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_DOCUMENT } from '../../src/target/fixed-routes.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

describe('GET /', () => {
  it('answers 200 with a small text body and its content-length', async () => {
    const res = await request(`${target.httpUrl}/`);
    const body = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThan(100);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('answers the same body every time', async () => {
    const a = await (await request(`${target.httpUrl}/`)).body.text();
    const b = await (await request(`${target.httpUrl}/?cache=bust`)).body.text();
    expect(b).toBe(a);
  });

  it('answers a HEAD with headers only', async () => {
    const res = await request(`${target.httpUrl}/`, { method: 'HEAD' });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('');
  });
});

describe('GET /json', () => {
  it('answers the JSON document with a JSON content type', async () => {
    const res = await request(`${target.httpUrl}/json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.json()).toEqual(JSON_DOCUMENT);
  });
});
