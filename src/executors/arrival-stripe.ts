/**
 * Which iterations of an arrival-rate schedule one segment (a worker, or a machine) starts: the
 * schedule's iteration i belongs to the segment whose stripe owns i (iteration-stripe.ts, period
 * maxVUs), so a segment's rate follows its VU share and one that gets no VUs gets no iterations to
 * drop. A segment with one VU owns one residue class, arrival-schedule.ts's `arrivalShare`,
 * computed without touching the other segments' iterations; a larger one walks the whole schedule
 * and keeps its own (a few arithmetic operations per iteration).
 */
import { arrivalOffsets, arrivalShare, totalIterations, type ArrivalSpec } from './arrival-schedule.js';
import { owns, ownedBelow, type IterationStripe } from './iteration-stripe.js';

/** How many iterations of `spec` the stripe starts; over covering segments these sum to totalIterations(spec). */
export function stripeIterations(spec: ArrivalSpec, stripe: IterationStripe): number {
  return ownedBelow(stripe, totalIterations(spec));
}

/** The start offsets (ms from the scenario start, non-decreasing) of the stripe's iterations, lazily. */
export function* stripeOffsets(spec: ArrivalSpec, stripe: IterationStripe): Generator<number, void, undefined> {
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
