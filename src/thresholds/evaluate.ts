/**
 * One threshold against one aggregate: `ThresholdExpr × AggregateView → pass/fail`, asking the
 * view for the statistic by name (`view.value('p(95)')`), so there is no switch on metric kinds.
 *
 * A metric (or sub-metric) with no samples follows k6 (`metrics/engine/engine.go`,
 * `evaluateThresholds(ignoreEmptySinks)`; k6 issues #1053, #1346, #2520):
 * - while the run goes on (`final: false`) its thresholds are not evaluated: they count as passing,
 *   so an abortOnFail threshold cannot stop a run before its metric has seen a sample;
 * - at the end (`final: true`, the default) they are evaluated against the empty aggregate, whose
 *   every statistic is 0 (k6's empty sinks: count 0, rate 0, value 0, avg/min/max/med/p(N) 0).
 *   So `count<10` passes and `count>0` fails on a counter that never moved.
 * One deliberate difference: k6 leaves an empty Rate's `rate` unset, logs an error and does not
 * count the threshold as breached, so `checks: ['rate>0.9']` passes when no check ever ran. k6
 * treats that as a bug (grafana/k6#4283, open); volley compares 0, and such a threshold fails.
 */
import type { AggregateView } from '../metrics/aggregate-view.js';
import type { ThresholdExpr, ThresholdOperator } from './parse.js';

/** Whether the threshold held, and the aggregated value it compared (undefined when not evaluated). */
export interface ThresholdOutcome {
  readonly ok: boolean;
  readonly observed: number | undefined;
}

/** `final: false` during the run (metrics without samples are skipped), true at the end. */
export interface EvaluateOptions {
  readonly final?: boolean;
}

/** Evaluates one threshold; `view` is undefined when the metric or sub-metric has no series yet. */
export function evaluateThreshold(expr: ThresholdExpr, view: AggregateView | undefined, opts: EvaluateOptions = {}): ThresholdOutcome {
  const final = opts.final ?? true;
  if (view === undefined || !hasSamples(view)) {
    return final ? { ok: compare(0, expr.operator, expr.value), observed: 0 } : { ok: true, observed: undefined };
  }
  const observed = view.value(expr.stat);
  // Validation rules out a statistic the kind lacks; if one slips through, a threshold that
  // cannot be checked must not pass silently.
  if (observed === undefined) return { ok: false, observed: undefined };
  return { ok: compare(observed, expr.operator, expr.value), observed };
}

/** Applies a threshold operator; `==` and `===` are the same test, as in k6 (all values are numbers). */
export function compare(observed: number, operator: ThresholdOperator, value: number): boolean {
  switch (operator) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
    case '==':
    case '===':
      return observed === value;
    case '!=':
      return observed !== value;
    default: {
      const unreachable: never = operator;
      return unreachable;
    }
  }
}

/**
 * True once the aggregate holds at least one sample. Trends and rates know their sample count; a
 * counter is taken as empty while its count is 0 (k6 tracks the first sample's time instead, so a
 * counter fed only zeros differs, which matters only for live evaluation); a gauge is empty until
 * it has a value.
 */
export function hasSamples(view: AggregateView): boolean {
  switch (view.kind) {
    case 'trend':
      return (view.value('count') ?? 0) > 0;
    case 'rate':
      return (view.value('passes') ?? 0) + (view.value('fails') ?? 0) > 0;
    case 'counter':
      return (view.value('count') ?? 0) !== 0;
    case 'gauge':
      return view.value('value') !== undefined;
    default: {
      const unreachable: never = view.kind;
      return unreachable;
    }
  }
}
