/**
 * Sliding windows for thresholds with `window` (volley's addition to k6): per windowed key
 * (metric, tag filter, window length), the aggregate of each of the last N closed seconds. A
 * lookup folds those N into one view, so a threshold is judged on its last window only and a late
 * collapse is not diluted by a healthy start. Memory: one aggregate per key per second of window.
 */
import type { AggregateView } from './aggregate-view.js';
import { mergeAggregates, newAggregate, toView, type Aggregate } from './aggregates.js';
import type { MetricDef } from './metric.js';
import { TagSet, type Tags } from './tags.js';
import type { ClosedBucket } from './time-buckets.js';

/** A windowed key as thresholds name it. */
export interface WindowSpec {
  metric: string;
  filter: Tags;
  windowMs: number;
}

interface Window {
  readonly spec: WindowSpec;
  readonly seconds: number;
  /** The last closed seconds with data for this key, oldest first. */
  readonly recent: { index: number; agg: Aggregate }[];
}

const keyOf = (metric: string, filter: Tags, windowMs: number) => `${metric}\u0002${TagSet.of(filter).key}\u0002${windowMs}`;

export class WindowAggregates {
  private readonly windows = new Map<string, Window>();
  private readonly defOf: (metric: string) => MetricDef | undefined;
  private lastIndex = -1;

  constructor(specs: readonly WindowSpec[], defOf: (metric: string) => MetricDef | undefined) {
    this.defOf = defOf;
    for (const spec of specs) {
      const seconds = Math.max(1, Math.round(spec.windowMs / 1000));
      this.windows.set(keyOf(spec.metric, spec.filter, spec.windowMs), { spec, seconds, recent: [] });
    }
  }

  get size(): number {
    return this.windows.size;
  }

  /** Takes one closed second's values for every windowed key. */
  add(bucket: ClosedBucket): void {
    this.lastIndex = Math.max(this.lastIndex, bucket.index);
    for (const w of this.windows.values()) {
      const agg = bucket.store.aggregate(w.spec.metric, w.spec.filter);
      if (agg) w.recent.push({ index: bucket.index, agg });
      while (w.recent.length > 0 && w.recent[0]!.index <= this.lastIndex - w.seconds) w.recent.shift();
    }
  }

  /** The key's values over its last window, or undefined when the window holds no sample. */
  view(metric: string, filter: Tags, windowMs: number): AggregateView | undefined {
    const w = this.windows.get(keyOf(metric, filter, windowMs));
    const def = this.defOf(metric);
    if (!w || !def || w.recent.length === 0) return undefined;
    const agg = newAggregate(def.kind);
    for (const { agg: second } of w.recent) mergeAggregates(agg, second);
    return toView(def, agg, w.seconds * 1000);
  }
}
