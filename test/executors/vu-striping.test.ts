/** The fixed striping of a ramping schedule's VUs over segments: exact, monotone, nearly proportional. */
import { describe, expect, it } from 'vitest';
import { stripedShares, stripeOrder } from '../../src/executors/vu-striping.js';
import { nthSegment, scaleInt, WHOLE } from '../../src/executors/segment.js';

const upTo = (m: number) => Array.from({ length: m + 1 }, (_, v) => v);

describe('stripeOrder', () => {
  it.each([1, 2, 7, 10, 64, 193])('puts each of %i grid points in the order exactly once', (m) => {
    expect([...stripeOrder(m)].sort((a, b) => a - b)).toEqual(upTo(m - 1));
  });

  it('alternates halves from the first VU on', () => {
    const order = [...stripeOrder(10)];
    expect(order.map((k) => (k < 5 ? 'a' : 'b')).join('')).toBe('bababababa');
  });
});

describe('stripedShares', () => {
  it('is the count itself on the whole segment', () => {
    expect(stripedShares(9, WHOLE, upTo(9))).toEqual(upTo(9));
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 16])('over %i equal segments: shares sum to every count, only grow, end at scaleInt(M) and stay within 3 of proportional', (n) => {
    for (const m of [1, 3, 10, 17, 64, 100, 193, 250]) {
      const shares = Array.from({ length: n }, (_, i) => stripedShares(m, nthSegment(i, n), upTo(m)));
      for (let v = 0; v <= m; v++) expect(shares.reduce((s, share) => s + share[v]!, 0)).toBe(v);
      shares.forEach((share, i) => {
        expect(share[m]).toBe(scaleInt(m, nthSegment(i, n)));
        for (let v = 1; v <= m; v++) {
          expect(share[v]! - share[v - 1]!).toBeGreaterThanOrEqual(0);
          expect(Math.abs(share[v]! - (v * share[m]!) / m)).toBeLessThan(3);
        }
      });
    }
  });

  it('rejects a count outside 0…M', () => {
    expect(() => stripedShares(4, WHOLE, [5])).toThrow(RangeError);
  });
});
