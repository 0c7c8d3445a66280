import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { withTarget, type RunningTarget } from '../support/test-target.js';

async function get(target: RunningTarget, path: string, method: 'GET' | 'POST' = 'GET'): Promise<number> {
  const res = await request(`${target.httpUrl}${path}`, { method });
  await res.body.dump();
  return res.statusCode;
}

async function statsOf(target: RunningTarget): Promise<Record<string, number>> {
  return (await (await request(`${target.httpUrl}/__stats`)).body.json()) as Record<string, number>;
}

describe('/__stats', () => {
  it('counts requests per path as requested, with a total', async () => {
    await withTarget(async (target) => {
      for (let i = 0; i < 3; i++) await get(target, '/');
      await get(target, '/delay/1');
      await get(target, '/status/500');
      expect(await statsOf(target)).toEqual({ '/': 3, '/delay/1': 1, '/status/500': 1, total: 5 });
    });
  });

  it('counts a path without its query string', async () => {
    await withTarget(async (target) => {
      await get(target, '/json?a=1');
      await get(target, '/json?a=2');
      expect((await statsOf(target))['/json']).toBe(2);
    });
  });

  it('counts requests to unknown paths too', async () => {
    await withTarget(async (target) => {
      await get(target, '/nope');
      expect((await statsOf(target))['/nope']).toBe(1);
    });
  });

  it('does not count requests to itself', async () => {
    await withTarget(async (target) => {
      await statsOf(target);
      await statsOf(target);
      expect(await statsOf(target)).toEqual({ total: 0 });
    });
  });

  it('matches what stats() reports in-process', async () => {
    await withTarget(async (target) => {
      await get(target, '/json');
      expect(target.stats()).toEqual(await statsOf(target));
    });
  });

  it('zeroes the counts on POST /__stats/reset', async () => {
    await withTarget(async (target) => {
      await get(target, '/');
      expect(await get(target, '/__stats/reset', 'POST')).toBe(200);
      expect(await statsOf(target)).toEqual({ total: 0 });
    });
  });

  it('refuses a GET /__stats/reset with 405, keeping the counts', async () => {
    await withTarget(async (target) => {
      await get(target, '/');
      expect(await get(target, '/__stats/reset')).toBe(405);
      expect((await statsOf(target)).total).toBe(1);
    });
  });
});
