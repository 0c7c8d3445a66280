/**
 * A read-only view of one metric's (or sub-metric's) merged values: what thresholds evaluate and
 * what the summary prints. `value('p(95)')`, `value('rate')`, ...: no type switch at the caller.
 */
import type { MetricKind, MetricContains } from './metric.js';

export interface AggregateView {
  readonly kind: MetricKind;
  readonly contains: MetricContains;
  /**
   * The statistic, or undefined when this kind has no such statistic. Trends: count, avg, min, med,
   * max, sum, p(N). Counters: count, rate (per second of the run). Rates: rate, passes, fails.
   * Gauges: value, min, max. Times are in milliseconds.
   */
  value(stat: string): number | undefined;
}
