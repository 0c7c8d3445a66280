/** The fixed-VU executors on a fake clock: exact iteration counts, durations and graceful stops. */
import { describe, expect, it } from 'vitest';
import { sharedIterations } from '../../src/executors/shared-iterations.js';
import { perVuIterations } from '../../src/executors/per-vu-iterations.js';
import { constantVus } from '../../src/executors/constant-vus.js';
import { completedIterations, fakeContext } from '../support/fake-vu.js';

const setup = fakeContext;
const total = completedIterations;

describe('shared-iterations', () => {
  it('runs exactly the shared count across VUs', async () => {
    const { clock, fakes, ctx } = setup(3, 100);
    const done = sharedIterations.run({ vus: 3, iterations: 10, maxDurationMs: 600_000 }, ctx);
    await clock.run();
    await done;
    expect(total(fakes)).toBe(10);
    expect(clock.now()).toBe(400); // 10 iterations of 100 ms on 3 VUs: 4 rounds
  });

  it('stops starting iterations at maxDuration and interrupts after gracefulStop', async () => {
    const { clock, fakes, ctx } = setup(1, 700, 200);
    const done = sharedIterations.run({ vus: 1, iterations: 100, maxDurationMs: 1000 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toEqual([0, 700]);
    expect(fakes[0]!.completed).toBe(1);
    expect(fakes[0]!.interrupted).toBe(true);
    expect(clock.now()).toBe(1200);
  });
});

describe('per-vu-iterations', () => {
  it('runs the count on every VU', async () => {
    const { clock, fakes, ctx } = setup(3, 50);
    const done = perVuIterations.run({ vus: 3, iterations: 4, maxDurationMs: 600_000 }, ctx);
    await clock.run();
    await done;
    expect(fakes.map((f) => f.completed)).toEqual([4, 4, 4]);
    expect(clock.now()).toBe(200);
  });
});

describe('constant-vus', () => {
  it('loops every VU until the duration is over', async () => {
    const { clock, fakes, ctx } = setup(2, 100);
    const done = constantVus.run({ vus: 2, durationMs: 1000 }, ctx);
    await clock.run();
    await done;
    expect(fakes.map((f) => f.starts)).toEqual([
      [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
      [0, 100, 200, 300, 400, 500, 600, 700, 800, 900],
    ]);
    expect(total(fakes)).toBe(20);
  });

  it('lets an iteration in flight finish within gracefulStop', async () => {
    const { clock, fakes, ctx } = setup(1, 300, 500);
    const done = constantVus.run({ vus: 1, durationMs: 1000 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toEqual([0, 300, 600, 900]);
    expect(fakes[0]!.completed).toBe(4);
    expect(fakes[0]!.interrupted).toBe(false);
    expect(clock.now()).toBe(1200);
  });

  it('a graceful stop request starts no new iteration', async () => {
    const { clock, fakes, ctx, stopping } = setup(2, 100);
    const done = constantVus.run({ vus: 2, durationMs: 10_000 }, ctx);
    await clock.run(250);
    stopping.abort();
    await clock.run();
    await done;
    expect(fakes.map((f) => f.starts)).toEqual([[0, 100, 200], [0, 100, 200]]);
    expect(total(fakes)).toBe(6);
  });

  it('a hard stop interrupts at once', async () => {
    const { clock, fakes, ctx, stopping, hardStop } = setup(2, 5000);
    const done = constantVus.run({ vus: 2, durationMs: 10_000 }, ctx);
    await clock.run(1000);
    stopping.abort();
    hardStop.abort();
    await clock.run();
    await done;
    expect(fakes.every((f) => f.interrupted && f.completed === 0)).toBe(true);
  });
});

describe('split', () => {
  it('shares VUs and iterations exactly across segments', () => {
    const c = { vus: 5, iterations: 101, maxDurationMs: 1000 };
    const parts = [0, 1, 2].map((i) => sharedIterations.split(c, { from: { num: i, den: 3 }, to: { num: i + 1, den: 3 } }));
    expect(parts.reduce((n, p) => n + p.vus, 0)).toBe(5);
    expect(parts.reduce((n, p) => n + p.iterations, 0)).toBe(101);
  });
});
