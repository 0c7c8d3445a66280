/** The ramping-vus schedule: k6's step instants, exact per-segment shares. */
import { describe, expect, it } from 'vitest';
import type { RampStage, RampStep } from '../../src/executors/vu-ramp.js';
import { isVuActive, maxVUs, rampSteps, shareSteps, totalDurationMs, vusAt } from '../../src/executors/vu-ramp.js';
import { nthSegment, WHOLE } from '../../src/executors/segment.js';

/** A small deterministic PRNG so the property tests are repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const st = (durationMs: number, target: number): RampStage => ({ durationMs, target });
const steps = (...pairs: [number, number][]): RampStep[] => pairs.map(([atMs, vus]) => ({ atMs, vus }));

/**
 * k6's getRawExecutionSteps for the whole run, transcribed loop for loop (unscaled index, Go's
 * truncating division on int64 ns), steps at the same offset kept as k6 keeps them. The count at t
 * is the last step with offset ≤ t, as k6 applies them in order.
 */
function k6Reference(startVUs: number, stages: readonly RampStage[]): { ns: bigint; vus: number }[] {
  const out = [{ ns: 0n, vus: startVUs }];
  const add = (ns: bigint, vus: number) => {
    if (out[out.length - 1]!.vus !== vus) out.push({ ns, vus });
  };
  let end = 0n;
  let from = BigInt(startVUs);
  let unscaled = from;
  for (const s of stages) {
    const to = BigInt(s.target);
    const d = BigInt(Math.round(s.durationMs * 1e6));
    end += d;
    const diff = to - from;
    if (diff === 0n) continue;
    if (d === 0n) {
      unscaled = to;
      add(end, s.target);
    } else if (unscaled > to) {
      for (; unscaled > to; unscaled--) add(end - (d * (to - unscaled + 1n)) / diff, Number(unscaled - 1n));
    } else {
      for (; unscaled <= to; unscaled++) add(end - (d * (to - unscaled)) / diff, Number(unscaled));
    }
    from = to;
  }
  return out;
}

/** An ns instant in ms, written the way the module writes it (exact integer part, then the rest). */
const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n) + Number(ns % 1_000_000n) / 1e6;

function k6VusAt(ref: readonly { ns: bigint; vus: number }[], tMs: number): number {
  let vus = 0;
  for (const step of ref) if (nsToMs(step.ns) <= tMs) vus = step.vus;
  return vus;
}

function randomStages(rand: () => number): { startVUs: number; stages: RampStage[] } {
  const n = 1 + Math.floor(rand() * 6);
  const stages = Array.from({ length: n }, () => {
    const zero = rand() < 0.15;
    return st(zero ? 0 : Math.floor(rand() * 20_000) + (rand() < 0.3 ? 0.5 : 0), Math.floor(rand() * 40));
  });
  return { startVUs: Math.floor(rand() * 40), stages };
}

describe('rampSteps', () => {
  it.each([
    ['0→10 over 10s', 0, [st(10_000, 10)], steps([0, 0], [1000, 1], [2000, 2], [3000, 3], [4000, 4], [5000, 5], [6000, 6], [7000, 7], [8000, 8], [9000, 9], [10_000, 10])],
    ['0→3 over 10s (k6 ceil, to the ns)', 0, [st(10_000, 3)], steps([0, 0], [3333.333334, 1], [6666.666667, 2], [10_000, 3])],
    ['3→0 over 10s (a VU stops a slot late)', 3, [st(10_000, 0)], steps([0, 3], [3333.333334, 2], [6666.666667, 1], [10_000, 0])],
    ['startVUs above the first target ramps down', 10, [st(10_000, 5)], steps([0, 10], [2000, 9], [4000, 8], [6000, 7], [8000, 6], [10_000, 5])],
    ['flat stages: no steps', 5, [st(10_000, 5), st(5000, 5)], steps([0, 5])],
    ['flat between ramps', 0, [st(2000, 2), st(5000, 2), st(2000, 0)], steps([0, 0], [1000, 1], [2000, 2], [8000, 1], [9000, 0])],
    ['0-duration first stage replaces startVUs at 0 (k6: going up then down straight away)', 2, [st(0, 5), st(2000, 3)], steps([0, 5], [1000, 4], [2000, 3])],
    ['0-duration stage mid-run: an immediate jump', 2, [st(5000, 2), st(0, 8), st(5000, 8)], steps([0, 2], [5000, 8])],
    ['0-duration stage at a ramp end: same instant, later count wins', 0, [st(2000, 2), st(0, 5), st(1000, 5)], steps([0, 0], [1000, 1], [2000, 5])],
    ['k6: jump up then go up again', 3, [st(2000, 5)], steps([0, 3], [1000, 4], [2000, 5])],
    ['k6: up down up down', 0, [st(2000, 2), st(2000, 0), st(2000, 2), st(2000, 0)], steps([0, 0], [1000, 1], [2000, 2], [3000, 1], [4000, 0], [5000, 1], [6000, 2], [7000, 1], [8000, 0])],
    ['more VUs than nanoseconds: merged per instant', 0, [st(0.000002, 5)], steps([0, 0], [0.000001, 2], [0.000002, 5])],
    ['no stages', 4, [], steps([0, 4])],
  ])('%s', (_name, startVUs, stages, expected) => {
    expect(rampSteps(startVUs, stages)).toEqual(expected);
  });

  const upDown = rampSteps(0, [st(10_000, 20), st(10_000, 0)]);
  it.each([
    [-1, 0], [0, 0], [499, 0], [500, 1], [501, 1], [5000, 10], [9999, 19], [10_000, 20],
    [10_499, 20], [10_500, 19], [15_000, 10], [19_999, 1], [20_000, 0], [25_000, 0],
  ])('10s → 20 then 10s → 0: at %i ms, %i VUs', (tMs, vus) => {
    expect(vusAt(upDown, tMs)).toBe(vus);
  });

  it('has exactly one step per VU change on 10s → 20 then 10s → 0', () => {
    expect(upDown).toHaveLength(41);
    expect(upDown.slice(19, 22)).toEqual(steps([9500, 19], [10_000, 20], [10_500, 19]));
  });

  it.each([
    ['negative startVUs', -1, [st(1000, 1)]],
    ['fractional target', 0, [st(1000, 1.5)]],
    ['negative duration', 0, [st(-1, 1)]],
    ['infinite duration', 0, [st(Infinity, 1)]],
  ])('rejects %s', (_name, startVUs, stages) => {
    expect(() => rampSteps(startVUs, stages)).toThrow(RangeError);
  });

  it("matches k6's getRawExecutionSteps at every instant, in order, without repeats (seeded)", () => {
    const rand = rng(7);
    for (let trial = 0; trial < 300; trial++) {
      const { startVUs, stages } = randomStages(rand);
      const ours = rampSteps(startVUs, stages);
      const ref = k6Reference(startVUs, stages);
      expect(ours[0]!.atMs).toBe(0);
      for (let i = 1; i < ours.length; i++) {
        expect(ours[i]!.atMs).toBeGreaterThan(ours[i - 1]!.atMs);
        expect(ours[i]!.vus).not.toBe(ours[i - 1]!.vus);
      }
      const instants = [...ours.map((s) => s.atMs), ...ref.map((s) => nsToMs(s.ns))];
      for (const t of instants) expect(vusAt(ours, t), `t=${t}`).toBe(k6VusAt(ref, t));
    }
  });
});

describe('maxVUs and totalDurationMs', () => {
  it.each([
    [0, [st(10_000, 10)], 10, 10_000],
    [15, [st(10_000, 10), st(5000, 0)], 15, 15_000],
    [0, [st(1000, 3), st(0, 30), st(2000, 7)], 30, 3000],
    [4, [], 4, 0],
    [0, [st(1500.5, 0)], 0, 1500.5],
  ])('startVUs %i with %j: max %i VUs over %i ms', (startVUs, stages, max, total) => {
    expect(maxVUs(startVUs, stages)).toBe(max);
    expect(totalDurationMs(stages)).toBe(total);
  });
});

describe('shareSteps', () => {
  it('is the whole schedule on the whole segment', () => {
    const whole = rampSteps(3, [st(10_000, 20), st(5000, 0)]);
    expect(shareSteps(whole, 20, WHOLE)).toEqual(whole);
  });

  it('splits 0→10 over 10s in two halves that interleave', () => {
    const whole = rampSteps(0, [st(10_000, 10)]);
    // The striping alternates halves: the second half owns the 1st, 3rd, 5th… VU to start.
    expect(shareSteps(whole, 10, nthSegment(0, 2))).toEqual(steps([0, 0], [2000, 1], [4000, 2], [6000, 3], [8000, 4], [10_000, 5]));
    expect(shareSteps(whole, 10, nthSegment(1, 2))).toEqual(steps([0, 0], [1000, 1], [3000, 2], [5000, 3], [7000, 4], [9000, 5]));
  });

  it('never lowers a share while the whole rises (scaleInt per step would: 2 → 3 VUs over 5 segments)', () => {
    const whole = rampSteps(2, [st(1000, 3)]);
    for (let k = 0; k < 5; k++) {
      const share = shareSteps(whole, 3, nthSegment(k, 5));
      for (let i = 1; i < share.length; i++) expect(share[i]!.vus).toBeGreaterThan(share[i - 1]!.vus);
    }
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('shares over %i segments sum to the whole at every instant and follow its direction (seeded)', (n) => {
    const rand = rng(1000 + n);
    for (let trial = 0; trial < 100; trial++) {
      const { startVUs, stages } = randomStages(rand);
      const whole = rampSteps(startVUs, stages);
      const max = maxVUs(startVUs, stages);
      const shares = Array.from({ length: n }, (_, k) => shareSteps(whole, max, nthSegment(k, n)));
      for (const share of shares) {
        for (let i = 1; i < share.length; i++) {
          expect(share[i]!.atMs).toBeGreaterThan(share[i - 1]!.atMs);
          expect(share[i]!.vus).not.toBe(share[i - 1]!.vus);
        }
      }
      // Every share changes only at the whole's instants, so checking those (and before 0) covers all t.
      for (const t of [-1, ...whole.map((s) => s.atMs)]) {
        const sum = shares.reduce((acc, share) => acc + vusAt(share, t), 0);
        expect(sum, `t=${t}`).toBe(vusAt(whole, t));
      }
      for (let i = 1; i < whole.length; i++) {
        const [before, at] = [whole[i - 1]!.atMs, whole[i]!.atMs];
        const rising = whole[i]!.vus > whole[i - 1]!.vus;
        for (const share of shares) {
          const change = vusAt(share, at) - vusAt(share, before);
          expect(rising ? change >= 0 : change <= 0, `t=${at}`).toBe(true);
        }
      }
    }
  });
});

describe('isVuActive', () => {
  const share = shareSteps(rampSteps(0, [st(10_000, 10), st(10_000, 0)]), 10, nthSegment(1, 2));
  it.each([
    [0, 500, false], [0, 1000, true], [1, 1000, false], [1, 3000, true], [4, 9000, true], [4, 11_999, true],
    // Ramping down, the highest local index stops first.
    [4, 12_000, false], [3, 12_000, true], [0, 19_999, true], [0, 20_000, false],
  ])('local VU %i at %i ms: %s', (localIndex, tMs, active) => {
    expect(isVuActive(share, localIndex, tMs)).toBe(active);
  });
});
