import { describe, expect, it } from 'vitest';
import { StripeNumbers, ownedBelow, stripeOf } from '../../src/executors/iteration-stripe.js';
import { nthSegment, scaleInt } from '../../src/executors/segment.js';
import { sharedIterations } from '../../src/executors/shared-iterations.js';

/** A deterministic generator, so a failure names a reproducible case. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The numbers each of `workers` segments hands out for its first `counts[i]` iterations. */
function numbersOf(vus: number, workers: number, counts: (i: number) => number): number[][] {
  return Array.from({ length: workers }, (_, i) => {
    const numbers = new StripeNumbers(stripeOf(nthSegment(i, workers), vus));
    return Array.from({ length: counts(i) }, (_, k) => numbers.nth(k));
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('iteration numbers across segments (scenario.iterationInTest)', () => {
  it('shared-iterations, 30 iterations, 6 VUs, 2 workers: the numbers are exactly 0…29', () => {
    const c = { vus: 6, iterations: 30, maxDurationMs: 600_000 };
    const parts = [0, 1].map((i) => sharedIterations.split(c, nthSegment(i, 2)));
    const all = numbersOf(6, 2, (i) => parts[i]!.iterations).flat();
    expect(all.sort((a, b) => a - b)).toEqual(range(30));
  });

  it('a segment that runs every iteration it owns below a total uses its part of 0…total−1, for any split', () => {
    const rand = rng(7);
    for (let trial = 0; trial < 500; trial++) {
      const vus = 1 + Math.floor(rand() * 80);
      const workers = 1 + Math.floor(rand() * Math.min(vus, 12));
      const total = Math.floor(rand() * 2000);
      const all = numbersOf(vus, workers, (i) => ownedBelow(stripeOf(nthSegment(i, workers), vus), total)).flat();
      expect(all.sort((a, b) => a - b), JSON.stringify({ vus, workers, total })).toEqual(range(total));
    }
  });

  it('shared-iterations shares sum to the total and follow the VUs (none for a worker without VUs)', () => {
    const c = { vus: 5, iterations: 101, maxDurationMs: 1000 };
    const parts = range(7).map((i) => sharedIterations.split(c, nthSegment(i, 7)));
    expect(parts.reduce((n, p) => n + p.iterations, 0)).toBe(101);
    for (const p of parts) expect(p.iterations > 0).toBe(p.vus > 0);
  });

  it('segments that start different numbers of iterations (a time-bound run) never share a number', () => {
    const rand = rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const vus = 1 + Math.floor(rand() * 50);
      const workers = 1 + Math.floor(rand() * Math.min(vus, 8));
      const all = numbersOf(vus, workers, () => Math.floor(rand() * 500)).flat();
      expect(new Set(all).size).toBe(all.length);
      expect(Math.min(...all, 0)).toBe(0);
    }
  });

  it('numbers one worker’s iterations 0, 1, 2, … in start order', () => {
    const numbers = new StripeNumbers(stripeOf(undefined, 7));
    expect(range(20).map((k) => numbers.nth(k))).toEqual(range(20));
  });

  it('owns as many residues as the segment has VUs, none without', () => {
    for (let i = 0; i < 4; i++) {
      const stripe = stripeOf(nthSegment(i, 4), 3);
      expect(stripe.to - stripe.from).toBe(scaleInt(3, nthSegment(i, 4)));
    }
    expect(new StripeNumbers(stripeOf(nthSegment(0, 4), 3)).nth(0)).toBe(-1);
  });
});
