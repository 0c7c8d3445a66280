import { describe, expect, it } from 'vitest';
import { nthSegment, offsetInt, parseSegment, scaleInt, scaleIntAlong, scaleReal, segmentWithin } from '../../src/executors/segment.js';

/** A small deterministic PRNG so the property test is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('segment arithmetic', () => {
  it('shares of any worker count sum exactly to the whole (VUs, iterations, rates)', () => {
    const rand = rng(42);
    for (let trial = 0; trial < 2000; trial++) {
      const workers = 1 + Math.floor(rand() * 64);
      const vus = Math.floor(rand() * 5000);
      const iterations = vus + Math.floor(rand() * 100_000);
      const rate = rand() * 50_000;
      let v = 0, it = 0, r = 0;
      for (let i = 0; i < workers; i++) {
        const seg = nthSegment(i, workers);
        v += scaleInt(vus, seg);
        it += scaleIntAlong(iterations, vus, seg);
        r += scaleReal(rate, seg);
      }
      expect(v).toBe(vus);
      expect(it).toBe(iterations);
      expect(r).toBeCloseTo(rate, 6);
    }
  });

  it('gives a segment without VUs no iterations', () => {
    // 1 VU over 2 workers: worker 0 has none, so it must not be handed iterations it cannot run.
    expect(scaleInt(1, nthSegment(0, 2))).toBe(0);
    expect(scaleIntAlong(1000, 1, nthSegment(0, 2))).toBe(0);
    expect(scaleIntAlong(1000, 1, nthSegment(1, 2))).toBe(1000);
  });

  it('offsets make VU ids contiguous and unique across segments', () => {
    const ids = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const seg = nthSegment(i, 3);
      for (let k = 0; k < scaleInt(10, seg); k++) ids.add(offsetInt(10, seg) + k + 1);
    }
    expect([...ids].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    ['0:1/2', { from: { num: 0, den: 1 }, to: { num: 1, den: 2 } }],
    ['1/2:1', { from: { num: 1, den: 2 }, to: { num: 1, den: 1 } }],
    ['0.5:1', { from: { num: 500000, den: 1000000 }, to: { num: 1, den: 1 } }],
  ])('parses %s', (text, expected) => {
    expect(parseSegment(text)).toEqual(expected);
  });

  it.each(['1:0', '0:2', 'a:b', '0:1:1', '1/2:1/2'])('rejects %s', (text) => {
    expect(parseSegment(text)).toBeUndefined();
  });
});

describe('segmentWithin', () => {
  it('maps a worker share into a machine segment, reduced', () => {
    const machine = parseSegment('1/3:2/3')!;
    expect(segmentWithin(machine, nthSegment(1, 2))).toEqual({ from: { num: 1, den: 2 }, to: { num: 2, den: 3 } });
    expect(segmentWithin(undefined, machine)).toBe(machine);
  });

  it('tiles the outer segment: the shares of its split sum to its own share', () => {
    const machine = parseSegment('1/3:1')!;
    for (const workers of [1, 2, 3, 7]) {
      const sum = Array.from({ length: workers }, (_, i) => scaleInt(1001, segmentWithin(machine, nthSegment(i, workers)))).reduce((a, b) => a + b, 0);
      expect(sum).toBe(scaleInt(1001, machine));
    }
  });
});
