import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DELAY_MS } from '../../src/target/delay-route.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

async function timedGet(path: string): Promise<{ status: number; body: unknown; ms: number }> {
  const start = performance.now();
  const res = await request(`${target.httpUrl}${path}`);
  const body: unknown = await res.body.json();
  return { status: res.statusCode, body, ms: performance.now() - start };
}

describe('GET /delay/:ms', () => {
  it.each([1, 5, 20, 50])('answers no sooner than %i ms after the request', async (ms) => {
    const runs = await Promise.all(Array.from({ length: 10 }, () => timedGet(`/delay/${ms}`)));
    for (const run of runs) expect(run.status).toBe(200);
    expect(Math.min(...runs.map((r) => r.ms))).toBeGreaterThanOrEqual(ms);
  });

  it('answers the delay it applied', async () => {
    expect((await timedGet('/delay/3')).body).toEqual({ delayMs: 3 });
  });

  it('answers /delay/0 at once', async () => {
    const run = await timedGet('/delay/0');
    expect(run.status).toBe(200);
    expect(run.ms).toBeLessThan(1000);
  });

  it('serves other requests while a delay is pending', async () => {
    const slow = timedGet('/delay/500');
    const fast = await timedGet('/json');
    expect(fast.ms).toBeLessThan(400);
    expect((await slow).ms).toBeGreaterThanOrEqual(500);
  });

  it.each(['abc', '-5', '1.5', String(MAX_DELAY_MS + 1), ''])('answers 400 for /delay/%s', async (param) => {
    const res = await request(`${target.httpUrl}/delay/${param}`);
    await res.body.dump();
    expect(res.statusCode).toBe(400);
  });
});
