/**
 * The four kinds' running totals behind one type, and what every holder of them needs: a fresh
 * one per kind, folding one into another, and a read-only view. Used by the run's totals
 * (metric-store.ts) and by the per-second windows (window-aggregates.ts).
 */
import type { AggregateView } from './aggregate-view.js';
import type { MetricDef, MetricKind } from './metric.js';
import { CounterAggregate, GaugeAggregate, RateAggregate } from './scalar-aggregates.js';
import { TrendAggregate } from './trend-aggregate.js';

/** Any kind's running total. */
export type Aggregate = TrendAggregate | CounterAggregate | RateAggregate | GaugeAggregate;

export function newAggregate(kind: MetricKind): Aggregate {
  switch (kind) {
    case 'trend':
      return new TrendAggregate();
    case 'counter':
      return new CounterAggregate();
    case 'rate':
      return new RateAggregate();
    case 'gauge':
      return new GaugeAggregate();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** Folds `from` into `into`; both are the same kind by construction. */
export function mergeAggregates(into: Aggregate, from: Aggregate): void {
  if (into.kind === 'trend' && from.kind === 'trend') into.mergeFrom(from);
  else if (into.kind === 'counter' && from.kind === 'counter') into.mergeFrom(from);
  else if (into.kind === 'rate' && from.kind === 'rate') into.mergeFrom(from);
  else if (into.kind === 'gauge' && from.kind === 'gauge') into.mergeFrom(from);
}

export function toView(def: MetricDef, agg: Aggregate, durationMs: number): AggregateView {
  return { kind: def.kind, contains: def.contains, value: (stat) => agg.value(stat, durationMs) };
}

