import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../../src/target/bytes-route.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

describe('GET /bytes/:n', () => {
  it.each([0, 1, 1000, 65_537, MAX_BYTES])('answers exactly %i bytes', async (n) => {
    const res = await request(`${target.httpUrl}/bytes/${n}`);
    const body = Buffer.from(await res.body.arrayBuffer());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-length']).toBe(String(n));
    expect(body.length).toBe(n);
  });

  it.each([String(MAX_BYTES + 1), '-1', 'ten', '1.5'])('answers 400 for /bytes/%s', async (param) => {
    const res = await request(`${target.httpUrl}/bytes/${param}`);
    await res.body.dump();
    expect(res.statusCode).toBe(400);
  });
});
