import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { withTarget, type RunningTarget } from './test-target.js';

describe('withTarget', () => {
  it('runs the function against a live target and returns its result', async () => {
    const status = await withTarget(async (t) => {
      const res = await request(`${t.httpUrl}/`);
      await res.body.dump();
      return res.statusCode;
    });
    expect(status).toBe(200);
  });

  it('closes the target even when the function throws', async () => {
    let seen: RunningTarget | undefined;
    const run = withTarget((t) => {
      seen = t;
      throw new Error('test failure');
    });
    await expect(run).rejects.toThrow('test failure');
    await expect(request(`${seen!.httpUrl}/`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
