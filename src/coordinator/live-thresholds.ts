/**
 * Thresholds while the run goes and at its end. Every closed second feeds the sliding windows of
 * windowed thresholds; when some threshold has abortOnFail, all are judged on that second (k6
 * judges live too), and the first failing abortOnFail threshold past its delayAbortEval stops the
 * run. Windowed thresholds read their last window, others the run's totals.
 */
import type { MetricStore } from '../metrics/metric-store.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import { WindowAggregates } from '../metrics/window-aggregates.js';
import { abortingFailures, allPassed, type AggregateLookup, type ThresholdResult, type Thresholds } from '../thresholds/thresholds.js';

export class LiveThresholds {
  private readonly thresholds: Thresholds;
  private readonly store: MetricStore;
  private readonly windows: WindowAggregates;
  private readonly onAbort: (failures: ThresholdResult[]) => void;
  private startedAtMs: number | undefined;
  private aborted = false;

  /** `onAbort` is called once, with the failing thresholds, when the run must stop. */
  constructor(thresholds: Thresholds, store: MetricStore, onAbort: (failures: ThresholdResult[]) => void) {
    this.thresholds = thresholds;
    this.store = store;
    this.onAbort = onAbort;
    this.windows = new WindowAggregates(thresholds.windowed(), (name) => store.defOf(name));
  }

  /** The load started at `startedAtMs` (unix ms): delayAbortEval counts from here. */
  start(startedAtMs: number): void {
    this.startedAtMs = startedAtMs;
  }

  /** One closed second of the run. */
  addSecond(bucket: ClosedBucket): void {
    if (this.windows.size > 0) this.windows.add(bucket);
    if (this.aborted || this.startedAtMs === undefined || !this.thresholds.anyAbortOnFail) return;
    const elapsedMs = Date.now() - this.startedAtMs;
    const failures = abortingFailures(this.thresholds.evaluate(this.lookup(elapsedMs), { final: false }), elapsedMs);
    if (failures.length === 0) return;
    this.aborted = true;
    this.onAbort(failures);
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
