/**
 * The run's per-second buckets (DESIGN.md's time series). Workers switch their snapshot window at
 * every whole second of the run, so each snapshot belongs to the bucket its window starts in: a
 * sample lands in the second it was recorded in, not in the second its snapshot arrived.
 *
 * A bucket closes once every worker has reported past its end (each worker's watermark is the end
 * of the last window it sent), and is then handed to `onClosed` and forgotten: memory holds only
 * the seconds still open, a couple at most, however long the run. A snapshot that arrives for a
 * second already closed (a worker stalled for more than a second) lands in the oldest open one, so
 * no count is lost and per-second counts still sum to the totals.
 */
import type { SeriesSnapshot } from '../ipc/messages.js';
import { MetricStore } from './metric-store.js';

/** One closed second of the run. */
export interface ClosedBucket {
  /** Seconds since the run's start. */
  readonly index: number;
  /** Unix ms of the bucket's start. */
  readonly startMs: number;
  /** Every series' values within this second (counter `rate` over 1 s). */
  readonly store: MetricStore;
  /** Fields every time-series line of this second carries: volley capacity's `step`. */
  readonly labels?: Readonly<Record<string, number>>;
}

const SECOND_MS = 1000;

export class TimeBuckets {
  private readonly parent: MetricStore;
  private readonly startedAtMs: number;
  private readonly onClosed: (bucket: ClosedBucket) => void;
  private readonly open = new Map<number, MetricStore>();
  private readonly watermarks = new Map<number, number>();
  /** Every bucket below this index is closed. */
  private nextToClose = 0;

  /** `parent` gives custom metric declarations; `workers` are the ids whose watermarks gate closing. */
  constructor(parent: MetricStore, startedAtMs: number, workers: readonly number[], onClosed: (bucket: ClosedBucket) => void) {
    this.parent = parent;
    this.startedAtMs = startedAtMs;
    this.onClosed = onClosed;
    for (const id of workers) this.watermarks.set(id, startedAtMs);
  }

  /** The bucket index of unix time `ms` (negative before the start: clamped by merge). */
  indexAt(ms: number): number {
    return Math.floor((ms - this.startedAtMs) / SECOND_MS);
  }

  /** Adds series recorded from `fromMs` (unix ms) on; `workerId` -1 is the lifecycle worker. */
  merge(series: readonly SeriesSnapshot[], workerId: number, fromMs: number): void {
    if (series.length === 0) return;
    // Windows start on whole seconds; rounding absorbs the ms a worker's timer may be late by.
    const index = Math.max(this.nextToClose, Math.round((fromMs - this.startedAtMs) / SECOND_MS));
    let store = this.open.get(index);
    if (!store) this.open.set(index, (store = new MetricStore(this.parent)));
    store.merge(series, workerId);
  }

  /** Worker `workerId` has sent everything recorded before `toMs` (unix ms); closes what every worker has passed. */
  advance(workerId: number, toMs: number): void {
    const known = this.watermarks.get(workerId);
    if (known === undefined || toMs <= known) return;
    this.watermarks.set(workerId, toMs);
    let low = Infinity;
    for (const w of this.watermarks.values()) low = Math.min(low, w);
    this.closeBelow(low === Infinity ? Infinity : Math.floor((low - this.startedAtMs) / SECOND_MS));
  }

  /** Worker `workerId` will send nothing more (done, or gone). */
  finishWorker(workerId: number): void {
    this.advance(workerId, Infinity);
  }

  /** Closes every open bucket, in order (the end of the run). */
  closeAll(): void {
    this.closeBelow(Infinity);
  }

  private closeBelow(limit: number): void {
    const due = [...this.open.keys()].filter((i) => i < limit).sort((a, b) => a - b);
    for (const index of due) {
      const store = this.open.get(index)!;
      this.open.delete(index);
      this.onClosed({ index, startMs: this.startedAtMs + index * SECOND_MS, store });
    }
    if (limit === Infinity) {
      if (due.length) this.nextToClose = due[due.length - 1]! + 1;
    } else this.nextToClose = Math.max(this.nextToClose, limit);
  }
}
