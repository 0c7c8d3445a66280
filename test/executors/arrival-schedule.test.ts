import { describe, expect, it } from 'vitest';
import { arrivalOffsets, arrivalShare, totalIterations } from '../../src/executors/arrival-schedule.js';
import type { ArrivalSpec, RampingArrivalSpec } from '../../src/executors/arrival-schedule.js';

/** A small deterministic PRNG so the property test is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SECOND = 1000;

function offsets(spec: ArrivalSpec): number[] {
  return [...arrivalOffsets(spec)];
}

/** How many offsets fall in each whole second [k, k+1) s. */
function perSecond(list: readonly number[], seconds: number): number[] {
  const counts = new Array<number>(seconds).fill(0);
  for (const t of list) counts[Math.floor(t / SECOND)]! += 1;
  return counts;
}

describe('constant arrival rate', () => {
  it.each([
    { name: '4/s for 1s', rate: 4, unit: SECOND, duration: SECOND, expected: [0, 250, 500, 750] },
    { name: '3/s for 1s (non-integer gaps)', rate: 3, unit: SECOND, duration: SECOND, expected: [0, 1000 / 3, 2000 / 3] },
    { name: '2/s for 1.2s (partial last gap still starts one)', rate: 2, unit: SECOND, duration: 1200, expected: [0, 500, 1000] },
    { name: '0.5/s for 5s', rate: 0.5, unit: SECOND, duration: 5 * SECOND, expected: [0, 2000, 4000] },
    { name: "6 per '1m' for 30s", rate: 6, unit: 60 * SECOND, duration: 30 * SECOND, expected: [0, 10_000, 20_000] },
    { name: 'rate 0', rate: 0, unit: SECOND, duration: 10 * SECOND, expected: [] },
    { name: 'duration 0', rate: 100, unit: SECOND, duration: 0, expected: [] },
  ])('$name', ({ rate, unit, duration, expected }) => {
    const spec = { rate, timeUnitMs: unit, durationMs: duration };
    const got = offsets(spec);
    expect(got).toHaveLength(expected.length);
    got.forEach((t, i) => expect(t).toBeCloseTo(expected[i]!, 9));
    expect(totalIterations(spec)).toBe(expected.length);
  });

  it('gives the i-th iteration i·timeUnit/rate, all before the end', () => {
    const spec = { rate: 7, timeUnitMs: SECOND, durationMs: 3 * SECOND };
    const got = offsets(spec);
    expect(got).toHaveLength(21);
    got.forEach((t, i) => expect(t).toBe((i * SECOND) / 7));
    expect(Math.max(...got)).toBeLessThan(spec.durationMs);
  });
});

describe('ramping arrival rate', () => {
  const s = SECOND;
  it.each<{ name: string; spec: RampingArrivalSpec; expected: number[] }>([
    // rate(t) = 2t per s, ∫ = t²: iteration i at √i s; i = 4 would start at exactly 2 s, the end.
    { name: '0→4/s over 2s', spec: { startRate: 0, timeUnitMs: s, stages: [{ durationMs: 2 * s, target: 4 }] },
      expected: [0, 1, Math.SQRT2, Math.sqrt(3)].map((x) => x * s) },
    // rate(t) = 2 + 2t, ∫ = 2t + t² = i → t = √(1 + i) − 1.
    { name: 'startRate 2 → 6/s over 2s', spec: { startRate: 2, timeUnitMs: s, stages: [{ durationMs: 2 * s, target: 6 }] },
      expected: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (Math.sqrt(1 + i) - 1) * s) },
    // rate(t) = 4 − 2t, ∫ = 4t − t² = i → t = 2 − √(4 − i); i = 4 is reached only at the end.
    { name: 'down to 0: 4→0/s over 2s', spec: { startRate: 4, timeUnitMs: s, stages: [{ durationMs: 2 * s, target: 0 }] },
      expected: [0, 1, 2, 3].map((i) => (2 - Math.sqrt(4 - i)) * s) },
    // Flat stage at 2/s for 1s (i = 0, 1 at 0 and 0.5s), then 2→0 over 2s: ∫ = 2 + 2u − u²/2.
    { name: 'flat then down', spec: { startRate: 2, timeUnitMs: s, stages: [{ durationMs: s, target: 2 }, { durationMs: 2 * s, target: 0 }] },
      expected: [0, 0.5 * s, s, s + (2 - Math.sqrt(2)) * s] },
    // Areas 1 (0→2), 1 (2→0), 0 (pause), 1 (0→2), 2 (flat 2/s): an iteration starts where its unit of
    // area begins, so the pause has none and the one after it starts when the rate picks up at 3s.
    { name: 'pause at rate 0 between stages', spec: { startRate: 0, timeUnitMs: s, stages: [
      { durationMs: s, target: 2 }, { durationMs: s, target: 0 }, { durationMs: s, target: 0 },
      { durationMs: s, target: 2 }, { durationMs: s, target: 2 },
    ] }, expected: [0, 1, 3, 4, 4.5].map((x) => x * s) },
    // timeUnit '1m': 0→120/min over 1 min is 0→2/s over 60s, ∫ = t²/60 (t in s) → t = √(60·i).
    { name: "0→120 per '1m' over 1m", spec: { startRate: 0, timeUnitMs: 60 * s, stages: [{ durationMs: 60 * s, target: 120 }] },
      expected: Array.from({ length: 60 }, (_, i) => Math.sqrt(60 * i) * s) },
    { name: 'no stages', spec: { startRate: 10, timeUnitMs: s, stages: [] }, expected: [] },
    { name: 'all zero', spec: { startRate: 0, timeUnitMs: s, stages: [{ durationMs: 5 * s, target: 0 }] }, expected: [] },
  ])('$name', ({ spec, expected }) => {
    const got = offsets(spec);
    expect(got).toHaveLength(expected.length);
    got.forEach((t, i) => expect(t / s).toBeCloseTo(expected[i]! / s, 6));
    expect(totalIterations(spec)).toBe(expected.length);
  });

  it('ramp 0→400/s over 10s starts 40k+20 (±1) iterations in second k', () => {
    const spec = { startRate: 0, timeUnitMs: s, stages: [{ durationMs: 10 * s, target: 400 }] };
    const got = offsets(spec);
    expect(got).toHaveLength(2000);
    perSecond(got, 10).forEach((count, k) => expect(Math.abs(count - (40 * k + 20))).toBeLessThanOrEqual(1));
  });

  it('is non-decreasing and stays inside the run across mixed stages', () => {
    const spec = { startRate: 5, timeUnitMs: 500, stages: [
      { durationMs: 3 * s, target: 50 }, { durationMs: 0, target: 10 }, { durationMs: 2 * s, target: 10 },
      { durationMs: 4 * s, target: 0 }, { durationMs: 1 * s, target: 0 }, { durationMs: 2 * s, target: 33 },
    ] };
    const got = offsets(spec);
    expect(got).toHaveLength(totalIterations(spec));
    for (let i = 1; i < got.length; i++) expect(got[i]!).toBeGreaterThanOrEqual(got[i - 1]!);
    expect(got[got.length - 1]!).toBeLessThan(12 * s);
    // Nothing starts during the pause at rate 0 (from 9s to 10s).
    expect(got.filter((t) => t > 9 * s && t < 10 * s)).toEqual([]);
  });
});

describe('shares', () => {
  it('rejects malformed shares', () => {
    expect(() => arrivalShare(3, 3)).toThrow(RangeError);
    expect(() => arrivalShare(-1, 3)).toThrow(RangeError);
    expect(() => arrivalShare(0, 0)).toThrow(RangeError);
    expect(() => arrivalShare(0.5, 2)).toThrow(RangeError);
  });

  it('shares over 1..7 workers partition the schedule exactly (seeded property test)', () => {
    const rand = rng(7);
    for (let trial = 0; trial < 60; trial++) {
      const unit = rand() < 0.5 ? SECOND : 60 * SECOND;
      const stages = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
        durationMs: Math.floor(rand() * 4000),
        target: rand() < 0.2 ? 0 : Math.round(rand() * 300 * 100) / 100,
      }));
      const spec: ArrivalSpec = rand() < 0.3
        ? { rate: Math.round(rand() * 500), timeUnitMs: unit, durationMs: Math.floor(rand() * 5000) }
        : { startRate: Math.round(rand() * 100), timeUnitMs: unit, stages };
      const whole = offsets(spec);
      expect(whole).toHaveLength(totalIterations(spec));
      for (let n = 1; n <= 7; n++) {
        const merged: number[] = new Array<number>(whole.length);
        const taken: number[] = [];
        let count = 0;
        for (let k = 0; k < n; k++) {
          const share = arrivalShare(k, n);
          let j = k;
          for (const t of arrivalOffsets(spec, share)) {
            // Every global index is taken once, by the worker of its residue, at the same offset.
            if (merged[j] !== undefined) taken.push(j);
            merged[j] = t;
            j += n;
            count++;
          }
          expect(j - k).toBe(totalIterations(spec, share) * n);
        }
        expect(taken).toEqual([]);
        expect(count).toBe(whole.length);
        expect(merged).toEqual(whole);
      }
    }
  });
});

describe('laziness', () => {
  it('takes the first 5 offsets of a 10-hour, 1000/s schedule without building it', () => {
    const spec = { startRate: 0, timeUnitMs: SECOND, stages: [{ durationMs: 10 * 3_600_000, target: 1000 }] };
    const started = performance.now();
    const first: number[] = [];
    for (const t of arrivalOffsets(spec)) {
      first.push(t);
      if (first.length === 5) break;
    }
    expect(performance.now() - started).toBeLessThan(50);
    expect(first).toHaveLength(5);
    expect(totalIterations(spec)).toBe(18_000_000);
    // rate(t) = t/36 per s² (t in s), ∫ = t²/72 → t = √(72·i) s.
    first.forEach((t, i) => expect(t / SECOND).toBeCloseTo(Math.sqrt(72 * i), 6));
  });

  it('takes the first 5 of a 10-hour constant schedule', () => {
    const gen = arrivalOffsets({ rate: 1000, timeUnitMs: SECOND, durationMs: 10 * 3_600_000 }, arrivalShare(2, 3));
    const first = [0, 1, 2, 3, 4].map(() => gen.next().value);
    expect(first).toEqual([2, 5, 8, 11, 14]);
  });
});
