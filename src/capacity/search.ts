/**
 * The capacity search as a pure state machine: which arrival rate the next step offers, given the
 * verdicts of the steps so far. It knows nothing of workers, seconds or SLOs; a verdict is all it
 * reads, so it is tested on a simulated service (test/capacity/search.test.ts).
 *
 * Growth: from `startRate`, each step that passes doubles the rate (capped at `maxRate`), until a
 * step fails. Bisection: the last passing rate `good` and the first failing rate `bad` bracket the
 * capacity; the next step offers their geometric mean, √(good·bad), and replaces whichever end its
 * verdict matches, until bad / good ≤ 1 + precision. The geometric mean halves the bracket's
 * *ratio* exponent, so a bracket of ratio 2 (what growth leaves) needs
 *
 *   k = ⌈log₂( ln 2 / ln(1 + precision) )⌉ bisection steps     (5 %: ⌈log₂ 14.2⌉ = 4)
 *
 * and a search for a capacity C from a start rate S takes ⌊log₂(C/S)⌋ + 2 growth steps (the last one
 * fails) plus those k: 350/s from 50/s is 4 + 4 = 8 steps; 20,000/s is 10 + 4 = 14.
 *
 * The search ends early, and for good, when a step is limited by the generator (its verdict
 * `limited`): the last passing rate is then a lower bound. It ends at `maxRate` when that passes,
 * and at the first step when that fails (the capacity is below the start rate).
 */

/** The search's settings (rates in iterations per second). */
export interface SearchSettings {
  startRate: number;
  maxRate: number;
  /** The bracket's relative width at which to stop: 0.05 for 5 %. */
  precision: number;
}

/** A step's verdict: the service met every SLO, broke one, or the generator could not offer the rate. */
export type StepVerdict = { kind: 'pass' } | { kind: 'fail' } | { kind: 'limited'; reason: string };

/** Why the search ended. */
export type SearchEnd =
  | { kind: 'converged' }
  | { kind: 'max-rate' }
  | { kind: 'below-start' }
  | { kind: 'limited'; reason: string };

/** Where the search stands: the bracket so far, and the end once reached. */
export interface SearchState {
  readonly settings: SearchSettings;
  /** The highest rate that passed. */
  readonly good: number | undefined;
  /** The lowest rate that failed. */
  readonly bad: number | undefined;
  /** The rate the next step offers; undefined once the search has ended. */
  readonly next: number | undefined;
  readonly end: SearchEnd | undefined;
}

/** The search before its first step. */
export function startSearch(settings: SearchSettings): SearchState {
  return { settings, good: undefined, bad: undefined, next: Math.min(settings.startRate, settings.maxRate), end: undefined };
}

/** The state after the step at `state.next` got `verdict`. */
export function recordStep(state: SearchState, verdict: StepVerdict): SearchState {
  const rate = state.next;
  if (rate === undefined) throw new RangeError('the search has ended: no step to record');
  const { settings } = state;
  if (verdict.kind === 'limited') return ended(state, { kind: 'limited', reason: verdict.reason });
  const good = verdict.kind === 'pass' ? rate : state.good;
  const bad = verdict.kind === 'fail' ? rate : state.bad;
  const at = { ...state, good, bad };
  if (good === undefined) return ended(at, { kind: 'below-start' });
  if (bad === undefined) return good >= settings.maxRate ? ended(at, { kind: 'max-rate' }) : { ...at, next: Math.min(good * 2, settings.maxRate) };
  if (bad / good <= 1 + settings.precision) return ended(at, { kind: 'converged' });
  const mid = roundRate(Math.sqrt(good * bad));
  // Rounding can only collapse the bracket when it is already narrower than the rounding step.
  return mid <= good || mid >= bad ? ended(at, { kind: 'converged' }) : { ...at, next: mid };
}

/** The search's answer: the highest rate that passed (undefined when none did). */
export function sustainableRate(state: SearchState): number | undefined {
  return state.good;
}

function ended(state: SearchState, end: SearchEnd): SearchState {
  return { ...state, next: undefined, end };
}

/** A rate rounded to three significant digits (at least 0.01/s), so step tables read well. */
export function roundRate(rate: number): number {
  if (rate <= 0) return 0;
  const digits = Math.max(-2, Math.floor(Math.log10(rate)) - 2);
  const unit = 10 ** digits;
  return Number((Math.round(rate / unit) * unit).toFixed(Math.max(0, -digits)));
}
