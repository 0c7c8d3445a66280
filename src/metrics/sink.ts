/**
 * The recording seam. Protocol clients, the VU loop and `metrics.add` record through a MetricSink;
 * it is synchronous, never blocks and never sends anything: the worker aggregates in place and
 * ships one snapshot per second (see metrics/worker-metrics.ts).
 */
import type { MetricDef } from './metric.js';
import type { TagSet } from './tags.js';

/** A handle to one series (metric × tag set); recording through it skips the key lookup. */
export interface SeriesRecorder {
  /** Records one value: a duration in ms for time trends, 1/0 for rates, an increment for counters. */
  add(value: number): void;
}

export interface MetricSink {
  /** The recorder for this metric and tag set, created on first use and cached by the sink. */
  series(metric: MetricDef, tags: TagSet): SeriesRecorder;
  /** Shorthand for `series(metric, tags).add(value)`. */
  add(metric: MetricDef, value: number, tags: TagSet): void;
}
