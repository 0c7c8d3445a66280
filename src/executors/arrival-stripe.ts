/**
 * Which iterations of an arrival-rate schedule one segment (a worker, or a machine) starts.
 *
 * The segment's rate follows its VU share: [a, b) is first aligned to the maxVUs split,
 * [floor(M·a)/M, floor(M·b)/M) with M = maxVUs, so a segment that gets no VUs gets no iterations to
 * drop, and segments that cover [0, 1) still cover it after alignment (the floors telescope). The
 * aligned segment is [from/period, to/period) with period = M.
 *
 * Iteration i is owned by the segment holding position σ(i mod period), with σ(r) = r·stride mod
 * period and stride coprime to period: σ permutes the residues, so every i has exactly one owner
 * among covering segments and each owns exactly (to − from) residues of every `period` consecutive
 * iterations — the shares sum exactly to the whole. A stride near period·0.382 (the golden section)
 * interleaves the owners instead of giving each a burst of consecutive iterations. A segment with
 * one VU owns one residue class, arrival-schedule.ts's `arrivalShare`, computed without touching
 * the other segments' iterations; a larger one walks the whole schedule and keeps its own (a few
 * arithmetic operations per iteration).
 */
import type { Segment } from './segment.js';
import { WHOLE, gcd } from './segment.js';
import { arrivalOffsets, arrivalShare, totalIterations, type ArrivalSpec } from './arrival-schedule.js';

/** Iterations i with σ(i mod period) in [from, to) (see the module comment). */
export interface ArrivalStripe {
  readonly period: number;
  readonly stride: number;
  readonly from: number;
  readonly to: number;
}

const GOLDEN_SECTION = (3 - Math.sqrt(5)) / 2;

/** The stripe of `segment` (default: the whole run) for a scenario of `maxVUs` VUs. */
export function stripeOf(segment: Segment | undefined, maxVUs: number): ArrivalStripe {
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
export function owns(stripe: ArrivalStripe, i: number): boolean {
  const position = ((i % stripe.period) * stripe.stride) % stripe.period;
  return position >= stripe.from && position < stripe.to;
}

/** How many iterations of `spec` the stripe starts; over covering segments these sum to totalIterations(spec). */
export function stripeIterations(spec: ArrivalSpec, stripe: ArrivalStripe): number {
  const total = totalIterations(spec);
  const rest = total % stripe.period;
  let inRest = 0;
  for (let r = 0; r < rest; r++) if (owns(stripe, r)) inRest++;
  return Math.floor(total / stripe.period) * (stripe.to - stripe.from) + inRest;
}

/** The start offsets (ms from the scenario start, non-decreasing) of the stripe's iterations, lazily. */
export function* stripeOffsets(spec: ArrivalSpec, stripe: ArrivalStripe): Generator<number, void, undefined> {
  if (stripe.to - stripe.from === 1) {
    // One residue class: let the schedule skip the other segments' iterations without computing them.
    let residue = 0;
    while (!owns(stripe, residue)) residue++;
    yield* arrivalOffsets(spec, arrivalShare(residue, stripe.period));
    return;
  }
  if (stripe.to === stripe.from) return;
  let i = 0;
  for (const offset of arrivalOffsets(spec)) {
    if (owns(stripe, i++)) yield offset;
  }
}
