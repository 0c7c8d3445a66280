/** The arrival-rate executors on a fake clock: exact start instants, drops, VU activation, stops, and their split. */
import { describe, expect, it } from 'vitest';
import { constantArrivalRate, type ConstantArrivalRateConfig } from '../../src/executors/constant-arrival-rate.js';
import { rampingArrivalRate, type RampingArrivalRateConfig } from '../../src/executors/ramping-arrival-rate.js';
import type { ConfigIssue } from '../../src/errors.js';
import { nthSegment, parseSegment, type Segment } from '../../src/executors/segment.js';
import { stripeIterations, stripeOffsets } from '../../src/executors/arrival-stripe.js';
import { stripeOf } from '../../src/executors/iteration-stripe.js';
import { arrivalOffsets, totalIterations } from '../../src/executors/arrival-schedule.js';
import { completedIterations, fakeContext, type FakeVu } from '../support/fake-vu.js';
import type { FakeClock } from '../support/fake-clock.js';

const constant = (over: Partial<ConstantArrivalRateConfig> = {}): ConstantArrivalRateConfig => ({
  rate: 10, timeUnitMs: 1000, durationMs: 1000, preAllocatedVUs: 5, maxVUs: 5, ...over,
});
const allStarts = (fakes: FakeVu[]) => fakes.flatMap((f) => f.starts).sort((a, b) => a - b);
const allScheduled = (fakes: FakeVu[]) => fakes.flatMap((f) => f.scheduled as number[]).sort((a, b) => a - b);
/** `clock` as seen by a busy event loop: every sleep ends `lateMs` after the instant asked for. */
const wakingLate = (clock: FakeClock, lateMs: number) => ({ now: () => clock.now(), sleepUntil: (at: number, signal?: AbortSignal) => clock.sleepUntil(at + lateMs, signal) });

describe('constant-arrival-rate', () => {
  it('starts 10/s over 1 s at exactly i·100 ms, passing each scheduled instant', async () => {
    const { clock, fakes, ctx, record } = fakeContext(5, 30);
    const done = constantArrivalRate.run(constant(), ctx);
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(allScheduled(fakes)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(record.dropped).toBe(0);
    expect(completedIterations(fakes)).toBe(10);
  });

  it('reuses the free VU instead of activating more', async () => {
    const { clock, fakes, ctx, record } = fakeContext(5, 30);
    const done = constantArrivalRate.run(constant({ preAllocatedVUs: 1 }), ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toHaveLength(10);
    expect(record.active).toEqual([{ at: 0, count: 1 }]);
  });

  it('drops the iterations due while every VU is busy: 2 VUs, 500 ms iterations, 10/s for 2 s', async () => {
    const { clock, fakes, ctx, record } = fakeContext(2, 500);
    const done = constantArrivalRate.run(constant({ durationMs: 2000, preAllocatedVUs: 2, maxVUs: 2 }), ctx);
    await clock.run();
    await done;
    // Each VU frees up exactly when the next iteration is due (t = 500, 1000, 1500), so it takes that one.
    expect(allStarts(fakes)).toEqual([0, 100, 500, 600, 1000, 1100, 1500, 1600]);
    expect(record.dropped).toBe(12);
    expect(completedIterations(fakes)).toBe(8);
  });

  it('activates VUs beyond preAllocatedVUs one by one when none is free, up to maxVUs, then drops', async () => {
    const { clock, fakes, ctx, record } = fakeContext(4, 350);
    const done = constantArrivalRate.run(constant({ preAllocatedVUs: 1, maxVUs: 4 }), ctx);
    await clock.run();
    await done;
    expect(record.active).toEqual([{ at: 0, count: 1 }, { at: 100, count: 2 }, { at: 200, count: 3 }, { at: 300, count: 4 }]);
    // 0..300 on VUs 1–4; 400 on VU 1 (free at 350), 500 on VU 2 (free at 450), …: nothing is dropped.
    expect(record.dropped).toBe(0);
    expect(allStarts(fakes)).toHaveLength(10);
  });

  it('drops once maxVUs are all busy', async () => {
    const { clock, fakes, ctx, record } = fakeContext(2, 1000);
    const done = constantArrivalRate.run(constant({ preAllocatedVUs: 1, maxVUs: 2 }), ctx);
    await clock.run();
    await done;
    expect(record.active.map((a) => a.count)).toEqual([1, 2]);
    expect(allStarts(fakes)).toEqual([0, 100]);
    expect(record.dropped).toBe(8);
  });

  it('says it ran out of VUs (naming the whole scenario’s maxVUs) when it first drops, never while VUs suffice', async () => {
    const short = fakeContext(2, 1000);
    const done = constantArrivalRate.run(constant({ preAllocatedVUs: 1, maxVUs: 2 }), short.ctx);
    await short.clock.run();
    await done;
    expect(short.record.insufficient.length).toBeGreaterThan(0);
    expect(new Set(short.record.insufficient)).toEqual(new Set([2]));

    const enough = fakeContext(4, 350);
    const fine = constantArrivalRate.run(constant({ preAllocatedVUs: 1, maxVUs: 4 }), enough.ctx);
    await enough.clock.run();
    await fine;
    expect(enough.record.insufficient).toEqual([]);
  });

  it('starts overdue iterations late in one batch, keeping their scheduled instants, when the loop wakes late', async () => {
    const { clock, fakes, ctx, record } = fakeContext(5, 10);
    // The event loop is busy: every sleep ends 250 ms after the instant asked for.
    const late = wakingLate(clock, 250);
    const done = constantArrivalRate.run(constant(), { ...ctx, clock: late });
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 350, 350, 350, 650, 650, 650, 950, 950, 950]);
    expect(allScheduled(fakes)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(record.dropped).toBe(0);
  });

  it('still starts the offsets before the end when the loop wakes past it: nothing scheduled is lost', async () => {
    const { clock, fakes, ctx, record } = fakeContext(5, 10);
    const late = wakingLate(clock, 150);
    const done = constantArrivalRate.run(constant(), { ...ctx, clock: late });
    await clock.run();
    await done;
    expect(allScheduled(fakes)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(allStarts(fakes).at(-1)).toBeGreaterThan(1000); // 900's start came after the 1000 ms duration
    expect(record.dropped).toBe(0);
  });

  it('bounds a catch-up by the free VUs: the rest of an overdue batch is dropped, not queued', async () => {
    const { clock, fakes, ctx, record } = fakeContext(2, 10);
    const drops: number[] = [];
    const late = wakingLate(clock, 250);
    const done = constantArrivalRate.run(constant({ preAllocatedVUs: 2, maxVUs: 2 }), { ...ctx, clock: late, dropIterations: (n) => drops.push(n) });
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 350, 350, 650, 650, 950, 950]);
    expect(drops).toEqual([1, 1, 1]); // one report per batch
    expect(record.dropped).toBe(0);
  });

  it('lets in-flight iterations finish within gracefulStop, then interrupts them', async () => {
    const { clock, fakes, ctx } = fakeContext(3, 1700, 1000);
    const done = constantArrivalRate.run(constant({ rate: 2, preAllocatedVUs: 3, maxVUs: 3 }), ctx);
    await clock.run();
    await done;
    // Starts at 0 and 500 would end at 1700 and 2200: the duration ends at 1000, the grace at 2000.
    expect(allStarts(fakes)).toEqual([0, 500]);
    expect(completedIterations(fakes)).toBe(1);
    expect(fakes[1]!.interrupted).toBe(true);
    expect(clock.now()).toBe(2000);
  });

  it('starts nothing after a graceful stop request', async () => {
    const { clock, fakes, ctx, stopping, record } = fakeContext(5, 30);
    const done = constantArrivalRate.run(constant({ durationMs: 10_000 }), ctx);
    await clock.run(250);
    stopping.abort();
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 100, 200]);
    expect(completedIterations(fakes)).toBe(3);
    expect(record.dropped).toBe(0);
  });

  it('interrupts in-flight iterations at once on a hard stop', async () => {
    const { clock, fakes, ctx, stopping, hardStop } = fakeContext(2, 5000);
    const done = constantArrivalRate.run(constant({ durationMs: 10_000, rate: 1, preAllocatedVUs: 2, maxVUs: 2 }), ctx);
    await clock.run(1500);
    stopping.abort();
    hardStop.abort();
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 1000]);
    expect(fakes.every((f) => f.interrupted && f.completed === 0)).toBe(true);
  });
});

describe('ramping-arrival-rate', () => {
  const ramp = (over: Partial<RampingArrivalRateConfig> = {}): RampingArrivalRateConfig => ({
    startRate: 0, timeUnitMs: 1000, stages: [{ durationMs: 2000, target: 10 }], preAllocatedVUs: 10, maxVUs: 10, ...over,
  });

  it('starts a 0→10/s ramp over 2 s at t = √(400,000·i) ms', async () => {
    const { clock, fakes, ctx } = fakeContext(10, 10);
    const done = rampingArrivalRate.run(ramp(), ctx);
    await clock.run();
    await done;
    const starts = allStarts(fakes);
    // rate(t) = t/200,000 per ms, so ∫₀ᵗ rate = t²/400,000 = i.
    expect(starts).toHaveLength(10);
    starts.forEach((t, i) => expect(t).toBeCloseTo(Math.sqrt(400_000 * i), 6));
    expect(allScheduled(fakes)).toEqual(starts);
  });

  it('follows flat and zero-rate stages: 5/s for 1 s, a pause, 5/s again', async () => {
    const { clock, fakes, ctx } = fakeContext(2, 10);
    const stages = [{ durationMs: 1000, target: 5 }, { durationMs: 0, target: 0 }, { durationMs: 1000, target: 0 }, { durationMs: 0, target: 5 }, { durationMs: 1000, target: 5 }];
    const done = rampingArrivalRate.run(ramp({ startRate: 5, stages, preAllocatedVUs: 2, maxVUs: 2 }), ctx);
    await clock.run();
    await done;
    expect(allStarts(fakes)).toEqual([0, 200, 400, 600, 800, 2000, 2200, 2400, 2600, 2800]);
  });
});

describe('arrival-rate fields', () => {
  const parse = (raw: Record<string, unknown>) => {
    const issues: ConfigIssue[] = [];
    const config = constantArrivalRate.parse(raw, 'scenarios.x', issues);
    return { config, issues };
  };

  it('defaults timeUnit to 1s and maxVUs to preAllocatedVUs', () => {
    const { config, issues } = parse({ rate: 20, duration: '5s', preAllocatedVUs: 3 });
    expect(issues).toEqual([]);
    expect(config).toEqual({ rate: 20, timeUnitMs: 1000, durationMs: 5000, preAllocatedVUs: 3, maxVUs: 3 });
  });

  it.each([
    [{ duration: '5s', preAllocatedVUs: 3 }, 'scenarios.x.rate', 'is required'],
    [{ rate: 'x', duration: '5s', preAllocatedVUs: 3 }, 'scenarios.x.rate', 'must be a number'],
    [{ rate: 0, duration: '5s', preAllocatedVUs: 3 }, 'scenarios.x.rate', 'greater than 0'],
    [{ rate: 1, duration: '0s', preAllocatedVUs: 3 }, 'scenarios.x.duration', 'longer than 0s'],
    [{ rate: 1, duration: 'soon', preAllocatedVUs: 3 }, 'scenarios.x.duration', 'must be a duration'],
    [{ rate: 1, duration: '5s', timeUnit: '0s', preAllocatedVUs: 3 }, 'scenarios.x.timeUnit', 'longer than 0s'],
    [{ rate: 1, duration: '5s' }, 'scenarios.x.preAllocatedVUs', 'is required'],
    [{ rate: 1, duration: '5s', preAllocatedVUs: 1.5 }, 'scenarios.x.preAllocatedVUs', 'must be an integer'],
    [{ rate: 1, duration: '5s', preAllocatedVUs: 10, maxVUs: 5 }, 'scenarios.x.maxVUs', 'must be ≥ preAllocatedVUs (10)'],
    [{ rate: 1, duration: '5s', preAllocatedVUs: 0 }, 'scenarios.x.preAllocatedVUs', 'at least one VU'],
  ])('%j → %s %s', (raw, path, message) => {
    const { issues } = parse(raw);
    expect(issues.find((i) => i.path === path)?.message).toContain(message);
  });

  it('reports every bad stage of ramping-arrival-rate with its path', () => {
    const issues: ConfigIssue[] = [];
    rampingArrivalRate.parse({ preAllocatedVUs: 1, stages: [{ duration: 'x', target: 1 }, { duration: '1s', target: -1 }, { duration: '1s' }, 7] }, 's', issues);
    expect(issues.map((i) => i.path)).toEqual(['s.stages[0].duration', 's.stages[1].target', 's.stages[2].target', 's.stages[3]']);
  });

  it('requires ramping stages that last longer than 0s', () => {
    const issues: ConfigIssue[] = [];
    rampingArrivalRate.parse({ preAllocatedVUs: 1, stages: [{ duration: '0s', target: 5 }] }, 's', issues);
    expect(issues).toEqual([{ path: 's.stages', message: 'the stages must last longer than 0s in total' }]);
  });

  it('plans maxVUs and the duration plus gracefulStop', () => {
    expect(constantArrivalRate.plan(constant({ maxVUs: 7 }), 30_000)).toEqual({ maxVUs: 7, maxDurationMs: 31_000 });
    const stages = [{ durationMs: 2000, target: 5 }, { durationMs: 3000, target: 0 }];
    expect(rampingArrivalRate.plan({ startRate: 0, timeUnitMs: 1000, stages, preAllocatedVUs: 1, maxVUs: 2 }, 500)).toEqual({ maxVUs: 2, maxDurationMs: 5500 });
  });
});

describe('split across segments', () => {
  // A deterministic generator, so a failure names a reproducible case.
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const splitInto = <C extends object>(def: { split(c: C, s: Segment): C }, c: C, n: number) => Array.from({ length: n }, (_, i) => def.split(c, nthSegment(i, n)));
  const specOf = (c: ConstantArrivalRateConfig | RampingArrivalRateConfig) =>
    'rate' in c ? { rate: c.rate, timeUnitMs: c.timeUnitMs, durationMs: c.durationMs } : { startRate: c.startRate, timeUnitMs: c.timeUnitMs, stages: c.stages };
  const iterationsOf = (c: ConstantArrivalRateConfig | RampingArrivalRateConfig) => stripeIterations(specOf(c), stripeOf(c.segment, c.maxVUs));

  it('per-worker iterations, maxVUs and preAllocatedVUs sum exactly to the whole for any worker count (random rates and stages)', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const pre = 1 + Math.floor(next() * 60);
      const pool = { preAllocatedVUs: pre, maxVUs: pre + Math.floor(next() * 60) };
      const c: ConstantArrivalRateConfig | RampingArrivalRateConfig = next() < 0.5
        ? { rate: Math.round(next() * 5000) / 10 + 0.1, timeUnitMs: [1000, 60_000, 250][round % 3]!, durationMs: 1 + Math.floor(next() * 20_000), ...pool }
        : { startRate: Math.floor(next() * 100), timeUnitMs: 1000, stages: Array.from({ length: 1 + Math.floor(next() * 4) }, () => ({ durationMs: Math.floor(next() * 5000), target: Math.floor(next() * 300) })), ...pool };
      const def = 'rate' in c ? constantArrivalRate : rampingArrivalRate;
      const whole = totalIterations(specOf(c));
      const n = 1 + Math.floor(next() * 12);
      const parts = splitInto(def as { split(x: typeof c, s: Segment): typeof c }, c, n);
      expect(parts.reduce((sum, p) => sum + iterationsOf(p), 0), JSON.stringify({ c, n })).toBe(whole);
      expect(parts.reduce((sum, p) => sum + def.plan(p as never, 0).maxVUs, 0)).toBe(c.maxVUs);
    }
  });

  it('gives every iteration to exactly one worker, each at its schedule offset, also for uneven machine segments split again', () => {
    const c = constant({ rate: 37, durationMs: 3000, preAllocatedVUs: 7, maxVUs: 10 });
    const machines = [parseSegment('0:1/3')!, parseSegment('1/3:1')!];
    const parts = machines.flatMap((m) => splitInto(constantArrivalRate, constantArrivalRate.split(c, m), 3));
    const offsets = parts.flatMap((p) => [...stripeOffsets(specOf(p), stripeOf(p.segment, p.maxVUs))]).sort((a, b) => a - b);
    expect(offsets).toEqual([...arrivalOffsets(specOf(c))]);
    expect(parts.reduce((n, p) => n + constantArrivalRate.plan(p, 0).maxVUs, 0)).toBe(10);
  });

  it('interleaves the workers’ iterations instead of giving each a burst', () => {
    const c = constant({ rate: 1000, durationMs: 1000, preAllocatedVUs: 100, maxVUs: 100 });
    const [first] = splitInto(constantArrivalRate, c, 3);
    const offsets = [...stripeOffsets(specOf(first!), stripeOf(first!.segment, 100))];
    expect(offsets.length).toBe(330);
    const longestGap = Math.max(...offsets.slice(1).map((t, i) => t - offsets[i]!));
    expect(longestGap).toBeLessThanOrEqual(10);
  });

  it('gives a worker without VUs no iterations', () => {
    const c = constant({ preAllocatedVUs: 1, maxVUs: 1 });
    const parts = splitInto(constantArrivalRate, c, 2);
    expect(parts.map((p) => [constantArrivalRate.plan(p, 0).maxVUs, iterationsOf(p)])).toEqual([[0, 0], [1, 10]]);
  });
});
