/**
 * Which segment (worker, machine) each VU of a ramping schedule belongs to. Sharing every step's
 * count with scaleInt keeps sums exact, but a segment's share can dip while the whole rises (2 → 3
 * VUs over 5 segments moves a VU from one segment to another). Instead, as k6 does with its striped
 * segments, each VU of the whole has one fixed owner for the whole run:
 *
 *   the j-th VU to start (j = 0 … M−1, M = the schedule's most VUs) sits at grid point g(j) of
 *   {0, …, M−1}; segment [a, b) owns the grid points k with a < (k+1)/M ≤ b, that is
 *   floor(M·a) ≤ k < floor(M·b): exactly scaleInt(M, segment) of them.
 *
 * A segment's share of a count v is then #{j < v : g(j) owned}: it only grows with v (monotone),
 * the shares of segments covering [0, 1) sum to v (every VU has exactly one owner), and at v = M it
 * is scaleInt(M, segment), the VUs the plan allocates. On a ramp-down the last VU started stops first.
 *
 * g puts the grid points in order of frac((k + ½)·φ), φ = (√5 − 1)/2 (a Kronecker sequence): the
 * first v VUs take the v points with the smallest keys, and those are spread evenly over the grid
 * (the three-distance theorem), so every prefix is shared out nearly in proportion without knowing
 * the other segments: within 2.6 VUs of it for M ≤ 400 and 2–8 equal segments, 0.5 on average.
 */
import type { Segment } from './segment.js';
import { offsetInt, scaleInt } from './segment.js';

const PHI = (Math.sqrt(5) - 1) / 2;

/** The grid point of each VU of the whole in start order: g(0), g(1), …, g(M−1). */
export function stripeOrder(maxVUs: number): Uint32Array {
  const keys = new Float64Array(maxVUs);
  for (let k = 0; k < maxVUs; k++) keys[k] = ((k + 0.5) * PHI) % 1;
  const order = new Uint32Array(maxVUs);
  for (let k = 0; k < maxVUs; k++) order[k] = k;
  // Keys of distinct points differ (φ is irrational); ties would fall back to the point.
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/**
 * This segment's share of each count in `totals` (each between 0 and `maxVUs`): how many of the
 * whole's first `total` VUs it owns. One walk over the M VUs, whatever the number of totals.
 */
export function stripedShares(maxVUs: number, segment: Segment, totals: readonly number[]): number[] {
  const lo = offsetInt(maxVUs, segment);
  const hi = lo + scaleInt(maxVUs, segment);
  const owned = new Uint32Array(maxVUs + 1); // owned[v]: how many of the first v VUs are this segment's
  let v = 0;
  for (const k of stripeOrder(maxVUs)) {
    owned[v + 1] = owned[v]! + (k >= lo && k < hi ? 1 : 0);
    v++;
  }
  return totals.map((total) => {
    if (!Number.isInteger(total) || total < 0 || total > maxVUs) throw new RangeError(`a count of ${total} VUs is outside 0…${maxVUs}`);
    return owned[total]!;
  });
}
