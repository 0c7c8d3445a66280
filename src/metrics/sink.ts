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

/**
 * A value per sink, made on first use: the VUs of a thread share their sink, so a protocol's
 * caches of series recorders live once per thread, not once per VU.
 */
export function perSink<T>(make: (sink: MetricSink) => T): (sink: MetricSink) => T {
  const bySink = new WeakMap<MetricSink, T>();
  return (sink) => {
    let value = bySink.get(sink);
    if (value === undefined) bySink.set(sink, (value = make(sink)));
    return value;
  };
}
