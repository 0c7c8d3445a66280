/** The `values` object of a SummaryMetric (k6's handleSummary shape) from an aggregate view. */
import type { AggregateView } from './aggregate-view.js';

const STATS_BY_KIND = {
  counter: ['count', 'rate'],
  rate: ['rate', 'passes', 'fails'],
  gauge: ['value', 'min', 'max'],
} as const;

/**
 * Trends: `count` first, then each of `trendStats` in order (summaryTrendStats: avg, min, med, max,
 * p(N), ...; unknown names are left out). Counters: count, rate. Rates: rate, passes, fails.
 * Gauges: value, min, max.
 */
export function summaryValues(view: AggregateView, trendStats: readonly string[]): Record<string, number> {
  const stats = view.kind === 'trend' ? ['count', ...trendStats.filter((s) => s !== 'count')] : STATS_BY_KIND[view.kind];
  const values: Record<string, number> = {};
  for (const stat of stats) {
    const v = view.value(stat);
    if (v !== undefined) values[stat] = v;
  }
  return values;
}
