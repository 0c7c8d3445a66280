/** An AggregateView over fixed statistics, for threshold tests. */
import type { AggregateView } from '../../src/metrics/aggregate-view.js';
import type { MetricKind } from '../../src/metrics/metric.js';

/** A view of `kind` whose value(stat) reads `stats`; time trends for trends, default otherwise. */
export function fakeView(kind: MetricKind, stats: Record<string, number>): AggregateView {
  return {
    kind,
    contains: kind === 'trend' ? 'time' : 'default',
    value: (stat) => stats[stat],
  };
}
