import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTestTarget();
});
afterAll(() => target.close());

describe('routing', () => {
  it.each(['/nope', '/json/', '/delay', '/status', '/delays/5', '/__statsx'])('answers 404 JSON for %s', async (path) => {
    const res = await request(`${target.httpUrl}${path}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.json()).toEqual({ error: 'not found', path });
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'])('serves / for %s', async (method) => {
    const res = await request(`${target.httpUrl}/`, { method });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
  });
});
