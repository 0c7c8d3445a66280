/**
 * The coordinator's metrics: every worker's per-second deltas (from {@link WorkerMetrics},
 * worker-metrics.ts) merged exactly into running totals per series (metric × tag set), and the
 * aggregate views thresholds and the summary read, including sub-metrics such as
 * `http_req_duration{status:200}`. Memory is totals per series, never per sample.
 *
 * A trend view over several series (a whole metric, or a sub-metric filter) needs its own merged
 * histogram. Building one means adding every matching series' histogram, so the first request
 * builds it and later merges keep it current; thresholds ask every second at the cost of one
 * add per matching delta. Views of the other kinds are a few numbers and are summed on request.
 */
import { EngineError, ScriptError } from '../errors.js';
import type { MetricDecl, SeriesSnapshot } from '../ipc/messages.js';
import type { AggregateView } from './aggregate-view.js';
import { builtinMetric } from './builtin.js';
import type { MetricDef, MetricKind } from './metric.js';
import { TagSet } from './tags.js';
import type { Tags } from './tags.js';
import type { TrendAggregate } from './trend-aggregate.js';
import { mergeAggregates, newAggregate, toView, type Aggregate } from './aggregates.js';

/** Re-exported: the summary builder takes it from here, beside the store it reads. */
export { summaryValues } from './summary-values.js';
export type { Aggregate } from './aggregates.js';

/** One series as the summary iterates them: its tags and its totals. */
export interface SeriesView {
  readonly tags: TagSet;
  readonly view: AggregateView;
}

interface SeriesEntry {
  readonly tags: TagSet;
  readonly agg: Aggregate;
}

interface MetricEntry {
  readonly def: MetricDef;
  readonly series: Map<string, SeriesEntry>;
  /** Trend views kept current by merge, keyed by the filter's TagSet key. */
  readonly trendViews: Map<string, { readonly filter: Tags; readonly agg: TrendAggregate }>;
}

/** Beyond this many kept trend views (all metrics), further ones are built per request and not kept. */
const MAX_KEPT_TREND_VIEWS = 256;

/** The coordinator's merged metrics: declarations, per-series totals, and (sub-)metric views. */
export class MetricStore {
  /** Where declarations are looked up too: one second's store (time-buckets.ts) shares the run's. */
  private readonly parent: MetricStore | undefined;
  private readonly declared = new Map<string, MetricDef>();
  private readonly metrics = new Map<string, MetricEntry>();
  private stamp = 0;
  private keptTrendViews = 0;

  constructor(parent?: MetricStore) {
    this.parent = parent;
  }

  /** Learns a custom metric's type; the same name again with another type is a script error (107). */
  declare(decl: MetricDecl): void {
    const known = this.defOf(decl.name);
    if (known && known.kind !== decl.kind) {
      throw new ScriptError(`metric ${decl.name} is already a ${known.kind}; it cannot also be a ${decl.kind}`, 'give the custom metric another name');
    }
    if (!known) this.declared.set(decl.name, Object.freeze({ name: decl.name, kind: decl.kind, contains: decl.contains }));
  }

  /** The kind of a built-in, declared or seen metric. */
  kindOf(name: string): MetricKind | undefined {
    return this.defOf(name)?.kind;
  }

  /** Names of the metrics seen in a snapshot or declared (a declared one may have no data: view() is then undefined). */
  names(): string[] {
    return [...new Set([...this.metrics.keys(), ...this.declared.keys()])];
  }

  /**
   * Merges one snapshot's series from `workerId` (the lifecycle worker may use -1). Exact: HDR
   * bucket counts, sums, hits/totals add; min/max compare; gauges follow GaugeAggregate's rule
   * (the run-wide value is the sum of each worker's latest value).
   */
  merge(series: readonly SeriesSnapshot[], workerId: number): void {
    for (const s of series) {
      const entry = this.entryFor(s.metric, s.kind);
      const tags = TagSet.fromEntries(s.tags);
      let se = entry.series.get(tags.key);
      if (!se) {
        se = { tags, agg: newAggregate(s.kind) };
        entry.series.set(tags.key, se);
      }
      this.mergeDelta(se.agg, s, workerId);
      if (s.kind === 'trend') for (const v of entry.trendViews.values()) if (tags.matches(v.filter)) v.agg.mergeDelta(s);
    }
  }

  /**
   * The merged view of `name` over every series whose tags match `filter` (all series when empty),
   * or undefined when no series matches yet. Counter `rate` divides by `durationMs`. The view is
   * live: later merges show through it.
   */
  view(name: string, filter: Tags = {}, durationMs = 0): AggregateView | undefined {
    const entry = this.metrics.get(name);
    if (!entry) return undefined;
    const filterTags = TagSet.of(filter);
    if (entry.def.kind === 'trend') {
      const kept = entry.trendViews.get(filterTags.key);
      if (kept) return toView(entry.def, kept.agg, durationMs);
    }
    const agg = this.aggregate(name, filter);
    if (!agg) return undefined;
    if (agg.kind === 'trend' && this.keptTrendViews < MAX_KEPT_TREND_VIEWS) {
      entry.trendViews.set(filterTags.key, { filter: filterTags.toObject(), agg });
      this.keptTrendViews++;
    }
    return toView(entry.def, agg, durationMs);
  }

  /** A new aggregate of `name` over the series matching `filter` (a copy: later merges do not show), or undefined when none matches. */
  aggregate(name: string, filter: Tags = {}): Aggregate | undefined {
    const entry = this.metrics.get(name);
    if (!entry) return undefined;
    const agg = newAggregate(entry.def.kind);
    let matched = false;
    for (const se of entry.series.values()) {
      if (!se.tags.matches(filter)) continue;
      mergeAggregates(agg, se.agg);
      matched = true;
    }
    return matched ? agg : undefined;
  }

  /** The definition of a built-in, declared or seen metric. */
  defOf(name: string): MetricDef | undefined {
    return this.declared.get(name) ?? builtinMetric(name) ?? this.parent?.defOf(name) ?? this.metrics.get(name)?.def;
  }

  /** Every series of `name` with its tags and its own totals (the summary's checks and groups). */
  seriesOf(name: string, durationMs = 0): SeriesView[] {
    const entry = this.metrics.get(name);
    if (!entry) return [];
    return [...entry.series.values()].map((se) => ({ tags: se.tags, view: toView(entry.def, se.agg, durationMs) }));
  }


  private entryFor(name: string, kind: MetricKind): MetricEntry {
    let entry = this.metrics.get(name);
    if (!entry) {
      const def = this.defOf(name) ?? Object.freeze({ name, kind, contains: 'default' as const });
      entry = { def, series: new Map(), trendViews: new Map() };
      this.metrics.set(name, entry);
    }
    if (entry.def.kind !== kind) throw new EngineError(`a worker sent metric ${name} as a ${kind}, but it is a ${entry.def.kind}`);
    return entry;
  }

  private mergeDelta(agg: Aggregate, s: SeriesSnapshot, workerId: number): void {
    if (agg.kind === 'trend' && s.kind === 'trend') agg.mergeDelta(s);
    else if (agg.kind === 'counter' && s.kind === 'counter') agg.mergeDelta(s);
    else if (agg.kind === 'rate' && s.kind === 'rate') agg.mergeDelta(s);
    else if (agg.kind === 'gauge' && s.kind === 'gauge') agg.mergeDelta(s, workerId, this.stamp++);
  }
}
