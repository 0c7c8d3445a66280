/**
 * Which of a scenario's iterations, numbered 0, 1, 2, … across the whole test, one segment (a
 * worker, or a machine) owns: the arithmetic that gives each segment a disjoint share of an
 * arrival-rate schedule (arrival-stripe.ts), of shared-iterations' total, and the numbers behind
 * `scenario.iterationInTest` (k6's SegmentedIndex), with no message between the segments.
 *
 * With period M (the scenario's VUs in the whole test), [a, b) is first aligned to the VU split,
 * [floor(M·a), floor(M·b)), so a segment owns as many residues as it has VUs (none without VUs),
 * and segments that cover [0, 1) still cover it after alignment (the floors telescope).
 *
 * Iteration i is owned by the segment holding position σ(i mod M), with σ(r) = r·stride mod M and
 * stride coprime to M: σ permutes the residues, so every i has exactly one owner among covering
 * segments and each owns exactly (to − from) residues of every M consecutive iterations. A stride
 * near M·0.382 (the golden section) interleaves the owners instead of giving each a burst of
 * consecutive iterations.
 */
import type { Segment } from './segment.js';
import { WHOLE, gcd } from './segment.js';

/** Iterations i with σ(i mod period) in [from, to) (see the module comment). */
export interface IterationStripe {
  readonly period: number;
  readonly stride: number;
  readonly from: number;
  readonly to: number;
}

const GOLDEN_SECTION = (3 - Math.sqrt(5)) / 2;

/** The stripe of `segment` (default: the whole run) for a scenario of `maxVUs` VUs. */
export function stripeOf(segment: Segment | undefined, maxVUs: number): IterationStripe {
  const seg = segment ?? WHOLE;
  const m = Math.max(1, maxVUs);
  const lo = Math.floor((m * seg.from.num) / seg.from.den);
  const hi = Math.floor((m * seg.to.num) / seg.to.den);
  // The period is the whole's maxVUs, never reduced per segment: every segment of one scenario
  // must use the same permutation, or their residue sets would not partition the iterations.
  let stride = Math.max(1, Math.round(m * GOLDEN_SECTION));
  while (gcd(stride, m) !== 1) stride++;
  return { period: m, stride, from: lo, to: hi };
}

/** Whether the stripe owns global iteration `i`. */
export function owns(stripe: IterationStripe, i: number): boolean {
  const position = ((i % stripe.period) * stripe.stride) % stripe.period;
  return position >= stripe.from && position < stripe.to;
}

/** How many of the iterations 0 … total−1 the stripe owns; over covering segments these sum to `total`. */
export function ownedBelow(stripe: IterationStripe, total: number): number {
  const rest = total % stripe.period;
  let inRest = 0;
  for (let r = 0; r < rest; r++) if (owns(stripe, r)) inRest++;
  return Math.floor(total / stripe.period) * (stripe.to - stripe.from) + inRest;
}

/**
 * The stripe's iterations in increasing order, as a segment hands out numbers: the k-th iteration
 * it starts is global iteration nth(k) = floor(k/c)·M + r[k mod c], with r its c residues in
 * increasing order. A segment that starts every iteration it owns below some total (the shares of
 * shared-iterations and per-vu-iterations) therefore uses exactly the numbers 0 … total−1 together
 * with the other segments; a time-bound run uses distinct numbers, nearly without gaps.
 */
export class StripeNumbers {
  private readonly period: number;
  private readonly residues: Uint32Array;

  constructor(stripe: IterationStripe) {
    this.period = stripe.period;
    const residues: number[] = [];
    for (let r = 0; r < stripe.period; r++) if (owns(stripe, r)) residues.push(r);
    this.residues = Uint32Array.from(residues);
  }

  /** The global number of the segment's k-th iteration (k from 0); -1 for a segment that owns none. */
  nth(k: number): number {
    const c = this.residues.length;
    if (c === 0) return -1;
    return Math.floor(k / c) * this.period + this.residues[k % c]!;
  }
}
