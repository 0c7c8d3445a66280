/** The search's state and its judged steps → the summary's `capacity` field (result.ts), with the reason in words. */
import type { CapacityResult } from './result.js';
import type { SearchState } from './search.js';
import type { StepJudgement } from './judge-step.js';

/** `minRate`: --min-rate, which a result must reach for the command to pass. */
export function capacityResult(state: SearchState, judged: readonly StepJudgement[], minRate: number | undefined): CapacityResult {
  const failing = judged.filter((j) => j.verdict.kind === 'fail').sort((a, b) => a.step.rate - b.step.rate)[0];
  const firstFailedSlo = failing?.failed[0] ? { slo: failing.failed[0].slo, value: failing.failed[0].value, atRate: failing.step.rate } : null;
  const lowerBound = state.end?.kind === 'limited';
  let reason = describeEnd(state, firstFailedSlo?.slo, judged[judged.length - 1]?.step.rate);
  if (minRate !== undefined && state.good !== undefined && state.good < minRate) {
    reason += `; that is below --min-rate ${rate(minRate)}${lowerBound ? ' (the generator may be the limit, not the target)' : ''}`;
  }
  return { sustainableRate: state.good ?? null, lowerBound, reason, firstFailedSlo, steps: judged.map((j) => j.step) };
}

/** True when the result passes: a capacity was found, at or above `minRate` when given. */
export function capacityFound(result: CapacityResult, minRate: number | undefined): boolean {
  return result.sustainableRate !== null && (minRate === undefined || result.sustainableRate >= minRate);
}

function describeEnd(state: SearchState, slo: string | undefined, lastRate: number | undefined): string {
  const { good, bad, end, settings } = state;
  const broke = slo ? `broke ${slo}` : 'broke an SLO';
  switch (end?.kind) {
    case 'converged':
      return `${rate(good!)} met every SLO and ${rate(bad!)} ${broke}: within the ${formatShare(settings.precision)} precision`;
    case 'max-rate':
      return `${rate(good!)}, the --max-rate, met every SLO: the capacity is at least that`;
    case 'below-start':
      return `the first step (${rate(bad!)}) ${broke}: the capacity is below the start rate`;
    case 'limited':
      return `the generator limited the step at ${lastRate === undefined ? '?' : rate(lastRate)}: ${end.reason}; ${
        good === undefined ? 'no rate was measured (the generator may be the limit, not the target)' : `${rate(good)} is a lower bound of the capacity`
      }`;
    case undefined:
      return `the search was stopped before it ended${good === undefined ? '' : `; ${rate(good)} met every SLO so far`}`;
    default: {
      const unknown: never = end;
      return String(unknown);
    }
  }
}

/** `2,340/s`. */
export function rate(perSecond: number): string {
  return `${perSecond.toLocaleString('en-US', { maximumFractionDigits: 2 })}/s`;
}

function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
