/** volley capacity's executor on a fake clock: each announced step's exact starts, the hand-over between steps, VUs made on demand. */
import { describe, expect, it } from 'vitest';
import { capacitySteps, type CapacityStepsConfig } from '../../src/executors/capacity-steps.js';
import { ControlChannel } from '../../src/executors/control-channel.js';
import type { ExecutorContext } from '../../src/executors/types.js';
import { nthSegment } from '../../src/executors/segment.js';
import { fakeContext, FakeVu } from '../support/fake-vu.js';

/** A fake context whose VUs grow on demand up to `maxVus`, and the channel steps are announced on. */
function stepped(initialVus: number, maxVus: number, iterationMs: number) {
  const base = fakeContext(initialVus, iterationMs, 1000);
  const control = new ControlChannel(0);
  const ctx: ExecutorContext = {
    ...base.ctx,
    control,
    addVu: () => {
      if (base.fakes.length >= maxVus) return false;
      base.fakes.push(new FakeVu(base.clock, iterationMs));
      return true;
    },
  };
  return { ...base, ctx, control };
}

const config = (over: Partial<CapacityStepsConfig> = {}): CapacityStepsConfig => ({ preAllocatedVUs: 1, maxVUs: 100, ...over });
const starts = (fakes: FakeVu[]) => fakes.flatMap((f) => f.starts).sort((a, b) => a - b);

describe('capacity-steps', () => {
  it('starts each announced step at its rate from its start, on the run’s timeline', async () => {
    const { clock, fakes, ctx, control, stopping } = stepped(2, 100, 10);
    const done = capacitySteps.run(config(), ctx);
    control.set({ step: { index: 0, rate: 10, startMs: 0, durationMs: 1000 } });
    await clock.run(1500);
    control.set({ step: { index: 1, rate: 20, startMs: 2000, durationMs: 500 } });
    await clock.run(3000);
    stopping.abort();
    await clock.run();
    await done;
    expect(starts(fakes)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 2000, 2050, 2100, 2150, 2200, 2250, 2300, 2350, 2400, 2450]);
  });

  it('waits for the first step, and ends when the run stops before any', async () => {
    const { clock, fakes, ctx, stopping } = stepped(1, 10, 10);
    const done = capacitySteps.run(config(), ctx);
    await clock.run(5000);
    stopping.abort();
    await clock.run();
    await done;
    expect(starts(fakes)).toEqual([]);
  });

  it('interrupts the previous step’s iterations still running when the next step begins', async () => {
    const { clock, fakes, ctx, control, stopping } = stepped(1, 100, 3000);
    const done = capacitySteps.run(config(), ctx);
    control.set({ step: { index: 0, rate: 2, startMs: 0, durationMs: 1000 } });
    await clock.run(1100);
    control.set({ step: { index: 1, rate: 1, startMs: 2000, durationMs: 1000 } });
    await clock.run(2000);
    // Both of step 0's iterations (started at 0 and 500, 3 s each) were cut short at 2000.
    expect(fakes.reduce((n, f) => n + f.interruptedIterations, 0)).toBe(2);
    stopping.abort();
    await clock.run();
    await done;
  });

  it('makes VUs on demand up to its share of maxVUs, then drops', async () => {
    const { clock, fakes, ctx, control, stopping, record } = stepped(1, 3, 1000);
    const done = capacitySteps.run(config({ maxVUs: 3 }), ctx);
    control.set({ step: { index: 0, rate: 10, startMs: 0, durationMs: 1000 } });
    await clock.run(1500);
    stopping.abort();
    await clock.run();
    await done;
    expect(fakes).toHaveLength(3);
    expect(starts(fakes)).toEqual([0, 100, 200]);
    expect(record.dropped).toBe(7);
  });

  it('makes, before a step, the VUs the previous step needed at its busiest, scaled to the new rate', async () => {
    const { clock, fakes, ctx, control, stopping } = stepped(1, 100, 250);
    const done = capacitySteps.run(config(), ctx);
    control.set({ step: { index: 0, rate: 10, startMs: 0, durationMs: 1000 } });
    await clock.run(1200);
    expect(fakes).toHaveLength(3); // 250 ms iterations every 100 ms: 3 at once
    control.set({ step: { index: 1, rate: 40, startMs: 2000, durationMs: 1000 } });
    await clock.run(1500);
    expect(fakes).toHaveLength(12); // 3 × 40/10, made before 2000
    stopping.abort();
    await clock.run();
    await done;
  });

  it('shares each step’s rate between workers exactly', async () => {
    const all: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { clock, fakes, ctx, control, stopping } = stepped(1, 100, 10);
      const done = capacitySteps.run(capacitySteps.split(config({ maxVUs: 30 }), nthSegment(i, 3)), ctx);
      control.set({ step: { index: 0, rate: 30, startMs: 0, durationMs: 1000 } });
      await clock.run(1500);
      stopping.abort();
      await clock.run();
      await done;
      all.push(...starts(fakes));
    }
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => Number(((i * 1000) / 30).toFixed(10))).map((t) => expect.closeTo(t, 6)));
  });

  it('plans its share of maxVUs, making only its share of preAllocatedVUs before the start', () => {
    const c = capacitySteps.split(config({ preAllocatedVUs: 4, maxVUs: 1000 }), nthSegment(1, 2));
    expect(capacitySteps.plan(c)).toEqual({ maxVUs: 500, initialVUs: 2, maxDurationMs: Infinity });
  });
});

describe('capacity-steps in a script’s options', () => {
  it('is refused as an unknown executor, and not offered among the known ones', async () => {
    const { resolveScenarios } = await import('../../src/config/scenarios.js');
    const issues: import('../../src/errors.js').ConfigIssue[] = [];
    resolveScenarios({ s: { executor: 'capacity-steps', maxVUs: 1 } }, issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^unknown executor "capacity-steps"; one of: /);
    expect(issues[0]!.message).not.toMatch(/one of: .*capacity-steps/);
  });
});
