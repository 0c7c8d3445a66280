import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startTarget, type CapacityStats, type RunningTarget } from '../../src/target/index.js';

let target: RunningTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

async function start(servers: number, serviceTimeMs: number): Promise<RunningTarget> {
  target = await startTarget({ host: '127.0.0.1', httpPort: 0, capacity: { servers, serviceTimeMs } });
  return target;
}

async function timedGet(t: RunningTarget, path: string): Promise<number> {
  const begin = performance.now();
  const res = await request(`${t.httpUrl}${path}`);
  await res.body.dump();
  expect(res.statusCode).toBe(200);
  return performance.now() - begin;
}

async function capacityOf(t: RunningTarget): Promise<CapacityStats> {
  const stats = (await (await request(`${t.httpUrl}/__stats`)).body.json()) as { capacity: CapacityStats };
  return stats.capacity;
}

describe('the capacity model (--servers N --service-time DUR)', () => {
  it('serves N requests at once for the service time each and queues the rest', async () => {
    const t = await start(2, 60);
    const times = (await Promise.all(Array.from({ length: 6 }, () => timedGet(t, '/')))).sort((a, b) => a - b);
    // Three waves of two: after ≥ 60, ≥ 120 and ≥ 180 ms.
    expect(times[1]).toBeGreaterThanOrEqual(60);
    expect(times[2]).toBeGreaterThanOrEqual(120);
    expect(times[4]).toBeGreaterThanOrEqual(180);
  });

  it('reports the configured and the measured service time, and the capacity they give', async () => {
    const t = await start(3, 20);
    await Promise.all(Array.from({ length: 9 }, () => timedGet(t, '/json')));
    const stats = await capacityOf(t);
    expect(stats).toMatchObject({ servers: 3, serviceTimeMs: 20, served: 9, queued: 0, busy: 0, abandoned: 0 });
    expect(stats.measuredServiceTimeMs).toBeGreaterThanOrEqual(20);
    expect(stats.measuredCapacityPerSecond).toBeCloseTo((3 * 1000) / stats.measuredServiceTimeMs!, 6);
  });

  it('drops a queued request whose client went away instead of serving it', async () => {
    const t = await start(1, 200);
    const first = timedGet(t, '/');
    const gone = new AbortController();
    const abandoned = request(`${t.httpUrl}/`, { signal: gone.signal }).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.abort();
    expect(await abandoned).toBe('aborted');
    await first;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await capacityOf(t)).toMatchObject({ served: 1, abandoned: 1, queued: 0 });
  });

  it('leaves /__stats out of the model: it answers while every server is busy', async () => {
    const t = await start(1, 2000);
    const busy = timedGet(t, '/');
    const begin = performance.now();
    expect((await capacityOf(t)).busy).toBe(1);
    expect(performance.now() - begin).toBeLessThan(1500);
    await busy;
  });
});
