/** ramping-vus on a fake clock: active VUs at exact instants, gracefulRampDown, re-activation, exact shares. */
import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../../src/errors.js';
import type { RampStage } from '../../src/executors/vu-ramp.js';
import { rampSteps, vusAt } from '../../src/executors/vu-ramp.js';
import { rampingVus, type RampingVusConfig } from '../../src/executors/ramping-vus.js';
import { nthSegment } from '../../src/executors/segment.js';
import { fakeContext } from '../support/fake-vu.js';

const st = (durationMs: number, target: number): RampStage => ({ durationMs, target });
const config = (startVUs: number, stages: RampStage[], gracefulRampDownMs = 30_000): RampingVusConfig => ({ startVUs, stages, gracefulRampDownMs });

/** Runs `c` on as many fake VUs as its plan asks for, to the end; returns what was recorded. */
async function runOnFakes(c: RampingVusConfig, iterationMs: number, gracefulStopMs = 30_000) {
  const run = fakeContext(rampingVus.plan(c, gracefulStopMs).maxVUs, iterationMs, gracefulStopMs);
  const done = rampingVus.run(c, run.ctx);
  await run.clock.run();
  await done;
  return run;
}

/** The active count reported at `t`: the last report at or before it. */
function activeAt(active: readonly { at: number; count: number }[], t: number): number | undefined {
  let count: number | undefined;
  for (const r of active) if (r.at <= t) count = r.count;
  return count;
}

describe('ramping-vus run', () => {
  it('follows the stages: the active count at each instant, VUs started and stopped from the end', async () => {
    const { fakes, record, clock } = await runOnFakes(config(0, [st(4000, 4), st(2000, 4), st(4000, 0)], 0), 800);
    expect(record.active).toEqual([
      { at: 0, count: 0 }, { at: 1000, count: 1 }, { at: 2000, count: 2 }, { at: 3000, count: 3 }, { at: 4000, count: 4 },
      { at: 7000, count: 3 }, { at: 8000, count: 2 }, { at: 9000, count: 1 }, { at: 10_000, count: 0 },
    ]);
    expect(fakes.map((f) => f.starts[0])).toEqual([1000, 2000, 3000, 4000]);
    // VU 3 (the last started) stops first, at 7000, in the middle of the iteration it began at 6400.
    expect(fakes[3]!.starts.at(-1)).toBe(6400);
    expect(fakes.map((f) => f.interruptedIterations)).toEqual([1, 1, 1, 1]);
    expect(clock.now()).toBe(10_000);
  });

  it('reports the start count before run() first yields (else the engine counts every VU active)', async () => {
    const { clock, ctx, record } = fakeContext(5, 100);
    const done = rampingVus.run(config(2, [st(1000, 5)], 0), ctx);
    expect(record.active).toEqual([{ at: 0, count: 2 }]);
    await clock.run();
    await done;
  });

  it("counts VUs in at k6's instants (1 → 3 over 3s: the 2nd at 1500); one counted in at the very end starts nothing", async () => {
    const { fakes, record } = await runOnFakes(config(1, [st(3000, 3)], 0), 1000);
    expect(fakes.map((f) => f.starts)).toEqual([[0, 1000, 2000], [1500, 2500], []]);
    expect(record.active).toEqual([{ at: 0, count: 1 }, { at: 1500, count: 2 }, { at: 3000, count: 1 }, { at: 3500, count: 0 }]);
  });

  it.each([
    ['0s interrupts the iteration at once', 0, { completed: 0, interrupted: 1 }, 1000],
    ['300ms interrupts it after 300ms', 300, { completed: 0, interrupted: 1 }, 1300],
    ['1s lets it finish (at 1500) and starts no new one', 1000, { completed: 1, interrupted: 0 }, 1500],
  ])('gracefulRampDown %s', async (_name, graceMs, outcome, releasedAt) => {
    // 2 → 1 VUs over 1s: VU 1 is taken out at 1000, in the middle of its 0–1500 iteration.
    const { fakes, record } = await runOnFakes(config(2, [st(1000, 1), st(5000, 1)], graceMs), 1500);
    expect({ completed: fakes[1]!.completed, interrupted: fakes[1]!.interruptedIterations }).toEqual(outcome);
    expect(fakes[1]!.starts).toEqual([0]);
    // k6 counts a ramping-down VU active until its iteration ends.
    expect(record.active).toEqual([{ at: 0, count: 2 }, { at: releasedAt, count: 1 }, { at: 6000, count: 0 }]);
    expect(fakes[0]!.starts).toEqual([0, 1500, 3000, 4500]);
  });

  it('re-activates a VU after a ramp-down: it loops again from the step that counts it in', async () => {
    const { fakes, record } = await runOnFakes(config(2, [st(1000, 1), st(1000, 1), st(1000, 2), st(2000, 2)], 0), 400);
    expect(fakes[1]!.starts).toEqual([0, 400, 800, 3000, 3400, 3800, 4200, 4600]);
    expect(fakes[1]!.interruptedIterations).toBe(1);
    expect(activeAt(record.active, 2999)).toBe(1);
    expect(activeAt(record.active, 3000)).toBe(2);
  });

  it('a VU counted in again while its iteration still runs carries on, uninterrupted', async () => {
    const { fakes, record } = await runOnFakes(config(2, [st(1000, 1), st(200, 2), st(3000, 2)], 30_000), 1500);
    expect(fakes[1]!.starts).toEqual([0, 1500, 3000]);
    expect(fakes[1]!.interruptedIterations).toBe(0);
    // Taken out at 1000 and counted in again at 1200, it was held all along: the count never dipped.
    expect(record.active).toEqual([{ at: 0, count: 2 }, { at: 4500, count: 1 }, { at: 4500, count: 0 }]);
  });

  it('at the end of the stages starts no iteration, gives those in flight gracefulStop, then interrupts', async () => {
    const { fakes, record, clock } = await runOnFakes(config(1, [st(1000, 1)]), 700, 200);
    expect(fakes[0]!.starts).toEqual([0, 700]);
    expect(fakes[0]!.completed).toBe(1);
    expect(fakes[0]!.interrupted).toBe(true);
    expect(clock.now()).toBe(1200);
    expect(record.active).toEqual([{ at: 0, count: 1 }, { at: 1200, count: 0 }]);
  });

  it.each([
    ['longer than gracefulRampDown: ramp-down timers still run after the end', 3000, [2500, 3500]],
    ['shorter: gracefulStop cuts the last ramp-down short', 1000, [2500, 3000]],
  ])('gracefulStop %s', async (_name, gracefulStopMs, releasedAt) => {
    // 2 → 0 over 2s: VU 1 out at 1000, VU 0 at 2000 (the end); gracefulRampDown 1.5s, iterations 5s.
    const { record, clock } = await runOnFakes(config(2, [st(2000, 0)], 1500), 5000, gracefulStopMs);
    expect(record.active).toEqual([{ at: 0, count: 2 }, { at: releasedAt[0], count: 1 }, { at: releasedAt[1], count: 0 }]);
    expect(clock.now()).toBe(releasedAt[1]);
  });

  it('a graceful stop request applies no further step and starts no new iteration', async () => {
    const { clock, fakes, ctx, stopping, record } = fakeContext(4, 300);
    const done = rampingVus.run(config(0, [st(4000, 4)]), ctx);
    await clock.run(2450);
    stopping.abort();
    await clock.run();
    await done;
    expect(fakes.map((f) => f.starts)).toEqual([[1000, 1300, 1600, 1900, 2200], [2000, 2300], [], []]);
    expect(fakes.every((f) => f.interruptedIterations === 0 && !f.interrupted)).toBe(true);
    expect(record.active).toEqual([{ at: 0, count: 0 }, { at: 1000, count: 1 }, { at: 2000, count: 2 }, { at: 2500, count: 1 }, { at: 2600, count: 0 }]);
  });

  it('a hard stop interrupts at once', async () => {
    const { clock, fakes, ctx, stopping, hardStop } = fakeContext(2, 5000);
    const done = rampingVus.run(config(2, [st(10_000, 2)]), ctx);
    await clock.run(1000);
    stopping.abort();
    hardStop.abort();
    await clock.run();
    await done;
    expect(fakes.every((f) => f.interrupted && f.completed === 0)).toBe(true);
    expect(fakes.map((f) => f.starts)).toEqual([[0], [0]]);
  });
});

describe('ramping-vus parse', () => {
  const parse = (raw: Record<string, unknown>) => {
    const issues: ConfigIssue[] = [];
    const c = rampingVus.parse(raw, 'options.scenarios.r', issues);
    return { c, issues };
  };

  it('reads stages and defaults startVUs to 1 and gracefulRampDown to 30s', () => {
    const { c, issues } = parse({ stages: [{ duration: '10s', target: 20 }, { duration: '1m', target: 0 }] });
    expect(issues).toEqual([]);
    expect(c).toEqual({ startVUs: 1, stages: [st(10_000, 20), st(60_000, 0)], gracefulRampDownMs: 30_000 });
  });

  it.each([
    ['missing stages', {}, ['options.scenarios.r.stages']],
    ['empty stages', { stages: [] }, ['options.scenarios.r.stages']],
    ['stages not a list', { stages: 'fast' }, ['options.scenarios.r.stages']],
    ['a bad stage duration', { stages: [{ duration: 'soon', target: 1 }] }, ['options.scenarios.r.stages[0].duration']],
    ['a negative stage duration', { stages: [{ duration: -5, target: 1 }] }, ['options.scenarios.r.stages[0].duration']],
    ['a negative target', { stages: [{ duration: '1s', target: 1 }, { duration: '1s', target: -1 }] }, ['options.scenarios.r.stages[1].target']],
    ['a fractional target', { stages: [{ duration: '1s', target: 1.5 }] }, ['options.scenarios.r.stages[0].target']],
    ['a stage without target or duration', { stages: [{}] }, ['options.scenarios.r.stages[0].duration', 'options.scenarios.r.stages[0].target']],
    ['a stage that is not an object', { stages: [5] }, ['options.scenarios.r.stages[0]']],
    ['an unknown stage field', { stages: [{ duration: '1s', target: 1, rate: 3 }] }, ['options.scenarios.r.stages[0].rate']],
    ['negative startVUs', { startVUs: -1, stages: [{ duration: '1s', target: 1 }] }, ['options.scenarios.r.startVUs']],
    ['a bad gracefulRampDown', { stages: [{ duration: '1s', target: 1 }], gracefulRampDown: 'x' }, ['options.scenarios.r.gracefulRampDown']],
    ['no VU ever', { startVUs: 0, stages: [{ duration: '1s', target: 0 }] }, ['options.scenarios.r.stages']],
  ])('reports %s with its path', (_name, raw, paths) => {
    expect(parse(raw).issues.map((i) => i.path)).toEqual(paths);
  });
});

describe('ramping-vus plan and split', () => {
  it('plans the most VUs ever scheduled and Σ stages + gracefulStop (k6: gracefulRampDown adds nothing)', () => {
    expect(rampingVus.plan(config(3, [st(10_000, 20), st(0, 7), st(5000, 0)], 60_000), 30_000)).toEqual({ maxVUs: 20, maxDurationMs: 45_000 });
    expect(rampingVus.plan(config(15, [st(1000, 5)]), 0)).toEqual({ maxVUs: 15, maxDurationMs: 1000 });
  });

  it('splitting a share again splits that share (segments compose)', () => {
    const c = config(0, [st(10_000, 12)]);
    const quarters = [0, 1].flatMap((h) => [0, 1].map((q) => rampingVus.split(rampingVus.split(c, nthSegment(h, 2)), nthSegment(q, 2))));
    expect(quarters.map((q) => rampingVus.plan(q, 0).maxVUs)).toEqual([0, 1, 2, 3].map((i) => rampingVus.plan(rampingVus.split(c, nthSegment(i, 4)), 0).maxVUs));
  });

  /** A small deterministic PRNG so the property test is repeatable. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }

  it('worker shares, each run on its own fake VUs, add up to the whole count at every instant (seeded, random workers and stages)', async () => {
    const rand = rng(2024);
    for (let trial = 0; trial < 40; trial++) {
      const workers = 1 + Math.floor(rand() * 7);
      const stages = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => st(Math.floor(rand() * 30) * 100, Math.floor(rand() * 13)));
      const whole = config(Math.floor(rand() * 13), stages, 0);
      if (rampingVus.plan(whole, 0).maxVUs === 0) continue;
      const shares = Array.from({ length: workers }, (_, i) => rampingVus.split(whole, nthSegment(i, workers)));
      expect(shares.reduce((n, s) => n + rampingVus.plan(s, 0).maxVUs, 0)).toBe(rampingVus.plan(whole, 0).maxVUs);
      const runs = await Promise.all(shares.map((s) => runOnFakes(s, 250, 0)));
      const endAt = stages.reduce((t, s) => t + s.durationMs, 0);
      const wholeSteps = rampSteps(whole.startVUs, stages);
      for (const t of wholeSteps.map((s) => s.atMs).filter((t) => t < endAt)) {
        const sum = runs.reduce((n, r) => n + (activeAt(r.record.active, t) ?? 0), 0);
        expect(sum, `trial ${trial}, ${workers} workers, t=${t}`).toBe(vusAt(wholeSteps, t));
      }
    }
  });
});
