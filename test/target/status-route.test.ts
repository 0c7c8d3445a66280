import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

describe('GET /status/:code', () => {
  it.each([200, 201, 301, 404, 418, 500, 503, 599])('answers status %i with a body naming it', async (code) => {
    const res = await request(`${target.httpUrl}/status/${code}`);
    const body = await res.body.text();
    expect(res.statusCode).toBe(code);
    expect(body.startsWith(String(code))).toBe(true);
  });

  it.each([204, 304])('answers status %i without a body', async (code) => {
    const res = await request(`${target.httpUrl}/status/${code}`);
    expect(res.statusCode).toBe(code);
    expect(await res.body.text()).toBe('');
  });

  it('keeps the connection usable after a 204', async () => {
    await (await request(`${target.httpUrl}/status/204`)).body.dump();
    const res = await request(`${target.httpUrl}/status/200`);
    await res.body.dump();
    expect(res.statusCode).toBe(200);
  });

  it('ends a 1xx with a closed connection, so the client errors instead of waiting forever', async () => {
    const attempt = request(`${target.httpUrl}/status/150`, { signal: AbortSignal.timeout(5000) });
    await expect(attempt).rejects.toThrow(/closed/);
  });

  it.each(['99', '600', '0', 'abc', '2000', ''])('answers 400 for /status/%s', async (param) => {
    const res = await request(`${target.httpUrl}/status/${param}`);
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ path: `/status/${param}` });
  });
});
