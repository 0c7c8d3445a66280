/**
 * One recorder per series (metric × tag set) in a worker, one class per metric kind. Each keeps
 * the delta since the last snapshot in plain fields: `add` is a few property writes (and, for a
 * trend, one histogram record), with no lookup and no allocation. `take()` hands the delta over as
 * a SeriesSnapshot and resets it, reusing the histogram. Merged by {@link MetricStore} on the
 * coordinator side (metric-store.ts).
 */
import type { SeriesSnapshot } from '../ipc/messages.js';
import type { MetricDef } from './metric.js';
import type { SeriesRecorder } from './sink.js';
import type { TagSet } from './tags.js';
import { createHistogram, encodeHistogram, MAX_TRACKABLE_MS, recordMs, reset } from './hdr.js';
import type { Histogram } from './hdr.js';

/** A recorder that can hand over its delta. */
export interface DeltaRecorder extends SeriesRecorder {
  readonly metric: MetricDef;
  readonly tags: TagSet;
  /** The delta since the previous take, then reset; undefined when nothing was recorded since. */
  take(): SeriesSnapshot | undefined;
}

/** The tag pairs as SeriesSnapshot carries them, built once per series (receivers only read them). */
function tagPairs(tags: TagSet): [string, string][] {
  return tags.entries.map(([k, v]) => [k, v]);
}

/** Trend: HDR histogram for percentiles, exact count/min/max/sum (ms) beside it. */
export class TrendRecorder implements DeltaRecorder {
  readonly metric: MetricDef;
  readonly tags: TagSet;
  private readonly pairs: [string, string][];
  private readonly hdr: Histogram = createHistogram();
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  constructor(metric: MetricDef, tags: TagSet) {
    this.metric = metric;
    this.tags = tags;
    this.pairs = tagPairs(tags);
  }

  /** Records a value in ms; negative and NaN count as 0, as in the histogram. */
  add(value: number): void {
    const v = value > 0 ? (value < MAX_TRACKABLE_MS ? value : MAX_TRACKABLE_MS) : 0;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    recordMs(this.hdr, v);
  }

  take(): SeriesSnapshot | undefined {
    if (this.count === 0) return undefined;
    const snap: SeriesSnapshot = {
      metric: this.metric.name,
      tags: this.pairs,
      kind: 'trend',
      hdr: encodeHistogram(this.hdr),
      count: this.count,
      min: this.min,
      max: this.max,
      sum: this.sum,
    };
    reset(this.hdr);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    return snap;
  }
}

/** Counter: the sum of the increments. */
export class CounterRecorder implements DeltaRecorder {
  readonly metric: MetricDef;
  readonly tags: TagSet;
  private readonly pairs: [string, string][];
  private adds = 0;
  private sum = 0;

  constructor(metric: MetricDef, tags: TagSet) {
    this.metric = metric;
    this.tags = tags;
    this.pairs = tagPairs(tags);
  }

  add(value: number): void {
    this.adds++;
    this.sum += value;
  }

  take(): SeriesSnapshot | undefined {
    if (this.adds === 0) return undefined;
    const snap: SeriesSnapshot = { metric: this.metric.name, tags: this.pairs, kind: 'counter', sum: this.sum };
    this.adds = 0;
    this.sum = 0;
    return snap;
  }
}

/** Rate: how many of the values were non-zero (hits) out of all of them. */
export class RateRecorder implements DeltaRecorder {
  readonly metric: MetricDef;
  readonly tags: TagSet;
  private readonly pairs: [string, string][];
  private hits = 0;
  private total = 0;

  constructor(metric: MetricDef, tags: TagSet) {
    this.metric = metric;
    this.tags = tags;
    this.pairs = tagPairs(tags);
  }

  add(value: number): void {
    this.total++;
    if (value !== 0) this.hits++;
  }

  take(): SeriesSnapshot | undefined {
    if (this.total === 0) return undefined;
    const snap: SeriesSnapshot = { metric: this.metric.name, tags: this.pairs, kind: 'rate', hits: this.hits, total: this.total };
    this.hits = 0;
    this.total = 0;
    return snap;
  }
}

/** Gauge: the last value, and the min and max seen in the window. */
export class GaugeRecorder implements DeltaRecorder {
  readonly metric: MetricDef;
  readonly tags: TagSet;
  private readonly pairs: [string, string][];
  private adds = 0;
  private last = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  constructor(metric: MetricDef, tags: TagSet) {
    this.metric = metric;
    this.tags = tags;
    this.pairs = tagPairs(tags);
  }

  add(value: number): void {
    this.adds++;
    this.last = value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  take(): SeriesSnapshot | undefined {
    if (this.adds === 0) return undefined;
    const snap: SeriesSnapshot = { metric: this.metric.name, tags: this.pairs, kind: 'gauge', last: this.last, min: this.min, max: this.max };
    this.adds = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    return snap;
  }
}

/** The recorder for a metric's kind. */
export function createRecorder(metric: MetricDef, tags: TagSet): DeltaRecorder {
  switch (metric.kind) {
    case 'trend':
      return new TrendRecorder(metric, tags);
    case 'counter':
      return new CounterRecorder(metric, tags);
    case 'rate':
      return new RateRecorder(metric, tags);
    case 'gauge':
      return new GaugeRecorder(metric, tags);
    default: {
      const unreachable: never = metric.kind;
      return unreachable;
    }
  }
}
