/**
 * Thresholds while the run goes and at its end. Every closed second feeds the sliding windows of
 * windowed thresholds; when some threshold has abortOnFail, all are judged on that second (k6
 * judges live too), and the first failing abortOnFail threshold past its delayAbortEval stops the
 * run, which then has a breaking point (breaking-point.ts). Windowed thresholds read their last
 * window, others the run's totals.
 */
import type { MetricStore } from '../metrics/metric-store.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import { WindowAggregates } from '../metrics/window-aggregates.js';
import { abortingFailures, allPassed, type AggregateLookup, type ThresholdResult, type Thresholds } from '../thresholds/thresholds.js';
import { BreakingPoints, type BreakingPoint } from './breaking-point.js';
import type { OfferedLoad } from './offered-load.js';

export class LiveThresholds {
  private readonly thresholds: Thresholds;
  private readonly store: MetricStore;
  private readonly windows: WindowAggregates;
  private readonly onAbort: (failures: ThresholdResult[], broke: BreakingPoint | undefined) => void;
  private readonly breaking: BreakingPoints | undefined;
  private startedAtMs: number | undefined;
  private aborted = false;

  /**
   * `onAbort` is called once, with the failing thresholds and where the run broke, when the run
   * must stop; `offeredLoad` tells the load of a second (offered-load.ts).
   */
  constructor(thresholds: Thresholds, store: MetricStore, onAbort: (failures: ThresholdResult[], broke: BreakingPoint | undefined) => void, offeredLoad?: (bucket: ClosedBucket) => OfferedLoad) {
    this.thresholds = thresholds;
    this.store = store;
    this.onAbort = onAbort;
    this.windows = new WindowAggregates(thresholds.windowed(), (name) => store.defOf(name));
    this.breaking = offeredLoad && thresholds.anyAbortOnFail ? new BreakingPoints(thresholds, offeredLoad) : undefined;
  }

  /** Where an abortOnFail threshold broke the run; undefined when none stopped it. */
  get breakingPoint(): BreakingPoint | undefined {
    return this.breaking?.point;
  }

  /** The load started at `startedAtMs` (unix ms): delayAbortEval counts from here. */
  start(startedAtMs: number): void {
    this.startedAtMs = startedAtMs;
  }

  /** One closed second of the run. */
  addSecond(bucket: ClosedBucket): void {
    if (this.windows.size > 0) this.windows.add(bucket);
    if (this.aborted || this.startedAtMs === undefined || !this.thresholds.anyAbortOnFail) return;
    this.breaking?.addSecond(bucket);
    const elapsedMs = Date.now() - this.startedAtMs;
    const failures = abortingFailures(this.thresholds.evaluate(this.lookup(elapsedMs), { final: false }), elapsedMs);
    if (failures.length === 0) return;
    this.aborted = true;
    this.onAbort(failures, this.breaking?.aborted(failures));
  }

  /**
   * k6's `tainted` (the control API's status): some threshold already fails on what was measured in
   * the `elapsedMs` so far, windowed ones on their last window. An indication; the exit code comes
   * from `final`.
   */
  taintedAt(elapsedMs: number): boolean {
    return !allPassed(this.thresholds.evaluate(this.lookup(elapsedMs), { final: false }));
  }

  /** The end-of-run verdict over `durationMs` (windowed thresholds: their last window). */
  final(durationMs: number): ThresholdResult[] {
    return this.thresholds.evaluate(this.lookup(durationMs), { final: true });
  }

  private lookup(durationMs: number): AggregateLookup {
    return (metric, filter, windowMs) => (windowMs === undefined ? this.store.view(metric, filter, durationMs) : this.windows.view(metric, filter, windowMs));
  }
}
