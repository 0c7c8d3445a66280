/**
 * Where every sample of a run arrives in the coordinator: merged into the run's totals (the
 * summary, thresholds) and into per-second buckets, whose closed seconds go to the listeners
 * (time-series outputs, windowed thresholds, live threshold checks).
 */
import type { SeriesSnapshot } from '../ipc/messages.js';
import type { MetricStore } from '../metrics/metric-store.js';
import { TimeBuckets, type ClosedBucket } from '../metrics/time-buckets.js';

export class RunMetrics {
  readonly store: MetricStore;
  private buckets: TimeBuckets | undefined;
  /** Lifecycle samples from before the start (setup): they land in the first second. */
  private early: SeriesSnapshot[][] = [];
  private readonly listeners: ((bucket: ClosedBucket) => void)[] = [];

  constructor(store: MetricStore) {
    this.store = store;
  }

  /** Calls `listener` with each closed second, in order. */
  onSecond(listener: (bucket: ClosedBucket) => void): void {
    this.listeners.push(listener);
  }

  /** The load starts: seconds count from `startedAtMs`; `workers` are the ids whose reports close them. */
  start(startedAtMs: number, workers: readonly number[]): void {
    this.buckets = new TimeBuckets(this.store, startedAtMs, workers, (b) => this.emit(b));
    for (const series of this.early) this.buckets.merge(series, -1, startedAtMs);
    this.early = [];
  }

  /** A load worker's snapshot of the window [fromMs, toMs) (unix ms). */
  fromWorker(workerId: number, series: readonly SeriesSnapshot[], fromMs: number, toMs: number): void {
    this.store.merge(series, workerId);
    this.buckets?.merge(series, workerId, fromMs);
    this.buckets?.advance(workerId, toMs);
  }

  /** The worker will send nothing more: its seconds no longer hold the others back. */
  workerGone(workerId: number): void {
    this.buckets?.finishWorker(workerId);
  }

  /** Samples of setup() or teardown(), recorded in the lifecycle worker. */
  fromLifecycle(series: SeriesSnapshot[]): void {
    this.store.merge(series, -1);
    if (this.buckets) this.buckets.merge(series, -1, Date.now());
    else this.early.push(series);
  }

  /** Closes every second still open (a run that never started gets its lifecycle samples in one). */
  end(): void {
    if (!this.buckets && this.early.length) this.start(Date.now(), []);
    this.buckets?.closeAll();
  }

  private emit(bucket: ClosedBucket): void {
    for (const listener of this.listeners) listener(bucket);
  }
}
