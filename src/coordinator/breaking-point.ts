/**
 * Where a run stopped by an abortOnFail threshold broke (DESIGN.md's `breakingPoint`). The abort
 * itself follows the threshold's cumulative value, which lags: a healthy start dilutes a late
 * collapse. So every closed second is also judged on its own values, and the breaking point is the
 * first second of the unbroken stretch of failing seconds that led to the abort (a lone bad second
 * that recovered, a cold start say, is not where the run broke), with that second's offered load
 * (offered-load.ts). A threshold that never fails on one second alone (a `count` over the run)
 * breaks at the abort's second, with its cumulative value.
 */
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { ThresholdResult, Thresholds } from '../thresholds/thresholds.js';
import type { OfferedLoad } from './offered-load.js';

/** The summary data's `breakingPoint`. */
export interface BreakingPoint {
  /** The breaking second's start, in ms since the run's start. */
  atMs: number;
  load: number;
  unit: OfferedLoad['unit'];
  /** The threshold that stopped the run, as `METRIC:EXPR`. */
  threshold: string;
  /** The value it compared in that second. */
  value: number;
}

interface Broken {
  atMs: number;
  offered: OfferedLoad;
  value: number;
}

/** Judges each second of an abortOnFail run on its own values, and says where the run broke. */
export class BreakingPoints {
  private readonly thresholds: Thresholds;
  private readonly offeredLoad: (bucket: ClosedBucket) => OfferedLoad;
  /** Per threshold (`key:expression`): the first second of its current stretch of failing seconds. */
  private readonly streaks = new Map<string, Broken>();
  private last: { atMs: number; offered: OfferedLoad } | undefined;
  private found: BreakingPoint | undefined;

  constructor(thresholds: Thresholds, offeredLoad: (bucket: ClosedBucket) => OfferedLoad) {
    this.thresholds = thresholds;
    this.offeredLoad = offeredLoad;
  }

  /** One closed second, judged on its own values (a second without samples of a metric changes nothing). */
  addSecond(bucket: ClosedBucket): void {
    if (this.found) return;
    const atMs = bucket.index * 1000;
    const offered = this.offeredLoad(bucket);
    this.last = { atMs, offered };
    const own = this.thresholds.evaluate((metric, filter) => bucket.store.view(metric, filter, 1000), { final: false });
    for (const r of own) {
      if (!r.abortOnFail) continue;
      const name = nameOf(r);
      if (r.ok) {
        if (r.observed !== undefined) this.streaks.delete(name);
      } else if (!this.streaks.has(name) && r.observed !== undefined) this.streaks.set(name, { atMs, offered, value: r.observed });
    }
  }

  /** The run aborted on `failures` (the cumulative results): records and returns where it broke. */
  aborted(failures: readonly ThresholdResult[]): BreakingPoint | undefined {
    const first = failures[0];
    if (!first || this.found) return this.found;
    const name = nameOf(first);
    const broken = this.streaks.get(name) ?? (this.last && first.observed !== undefined ? { ...this.last, value: first.observed } : undefined);
    if (broken) this.found = { atMs: broken.atMs, load: broken.offered.load, unit: broken.offered.unit, threshold: name, value: broken.value };
    return this.found;
  }

  get point(): BreakingPoint | undefined {
    return this.found;
  }
}

function nameOf(r: ThresholdResult): string {
  return `${r.key}:${r.expression}`;
}
