/**
 * The worker-side MetricSink: every sample of a worker lands in a per-series recorder
 * (series-recorders.ts), and once a second `snapshot()` ships the deltas of the series touched
 * since the previous snapshot. Merged on the coordinator by {@link MetricStore} (metric-store.ts).
 *
 * Series cap (DESIGN.md): at most `maxSeriesPerMetric` (1,000) tag sets per metric. Past it, the
 * owner is told once per metric (`onSeriesOverflow`) and each new tag set is recorded in an
 * overflow series: the same tags with `name: '__overflow__'`. Should the other tags be
 * high-cardinality too, the overflow series are capped as well, and the rest share one series
 * tagged only `name: '__overflow__'`, so memory stays bounded whatever the script tags.
 */
import type { SeriesSnapshot } from '../ipc/messages.js';
import type { MetricDef } from './metric.js';
import type { MetricSink, SeriesRecorder } from './sink.js';
import { TagSet } from './tags.js';
import { createRecorder } from './series-recorders.js';
import type { DeltaRecorder } from './series-recorders.js';

/** The `name` tag value of the series that takes tag sets past the cap. */
export const OVERFLOW_NAME = '__overflow__';

/** DESIGN.md's cap on tag sets per metric. */
export const MAX_SERIES_PER_METRIC = 1000;

/** One metric's series in this worker. */
interface MetricSeries {
  /** tags.key → recorder, for the tag sets within the cap and their overflow series. */
  readonly byKey: Map<string, DeltaRecorder>;
  /** Tag sets past the cap that were already routed, so repeats skip building a TagSet; bounded. */
  readonly aliases: Map<string, DeltaRecorder>;
  regular: number;
  overflow: number;
  warned: boolean;
}

/** A worker's MetricSink: cached per-series recorders, the series cap, and per-second delta snapshots. */
export class WorkerMetrics implements MetricSink {
  private readonly metrics = new Map<string, MetricSeries>();
  private readonly recorders: DeltaRecorder[] = [];
  private readonly onSeriesOverflow: (metricName: string) => void;
  private readonly maxSeries: number;

  /** `onSeriesOverflow` is called once per metric, when its tag sets first pass the cap. */
  constructor(onSeriesOverflow: (metricName: string) => void, maxSeriesPerMetric: number = MAX_SERIES_PER_METRIC) {
    this.onSeriesOverflow = onSeriesOverflow;
    this.maxSeries = maxSeriesPerMetric;
  }

  /** The cached recorder for this series; callers should keep it rather than ask per sample. */
  series(metric: MetricDef, tags: TagSet): SeriesRecorder {
    const m = this.metricSeries(metric.name);
    const known = m.byKey.get(tags.key) ?? m.aliases.get(tags.key);
    if (known) return known;
    if (m.regular < this.maxSeries) {
      m.regular++;
      return this.create(m, metric, tags);
    }
    if (!m.warned) {
      m.warned = true;
      this.onSeriesOverflow(metric.name);
    }
    const recorder = this.overflowRecorder(m, metric, tags);
    if (m.aliases.size < this.maxSeries) m.aliases.set(tags.key, recorder);
    return recorder;
  }

  /** Records one value; prefer `series()` once and `add` on the recorder in hot code. */
  add(metric: MetricDef, value: number, tags: TagSet): void {
    this.series(metric, tags).add(value);
  }

  /** The deltas of the series touched since the previous snapshot; resets them. */
  snapshot(): SeriesSnapshot[] {
    const out: SeriesSnapshot[] = [];
    for (const recorder of this.recorders) {
      const delta = recorder.take();
      if (delta) out.push(delta);
    }
    return out;
  }

  /** Number of distinct series recorded so far (overflow series included). */
  get seriesCount(): number {
    return this.recorders.length;
  }

  private metricSeries(name: string): MetricSeries {
    let m = this.metrics.get(name);
    if (!m) {
      m = { byKey: new Map(), aliases: new Map(), regular: 0, overflow: 0, warned: false };
      this.metrics.set(name, m);
    }
    return m;
  }

  private overflowRecorder(m: MetricSeries, metric: MetricDef, tags: TagSet): DeltaRecorder {
    let target = TagSet.of({ ...tags.toObject(), name: OVERFLOW_NAME });
    let recorder = m.byKey.get(target.key);
    if (recorder) return recorder;
    if (m.overflow >= this.maxSeries) {
      target = TagSet.of({ name: OVERFLOW_NAME });
      recorder = m.byKey.get(target.key);
      if (recorder) return recorder;
    }
    m.overflow++;
    return this.create(m, metric, target);
  }

  private create(m: MetricSeries, metric: MetricDef, tags: TagSet): DeltaRecorder {
    const recorder = createRecorder(metric, tags);
    m.byKey.set(tags.key, recorder);
    this.recorders.push(recorder);
    return recorder;
  }
}
