/**
 * A trend's running total on the coordinator: one HDR histogram for the median and percentiles,
 * with the exact count, min, max and sum kept beside it for count, avg, min, max and sum. Merging
 * is exact: bucket counts and sums add up, min and max compare, so N workers' deltas give what one
 * histogram fed every value would.
 *
 * The histogram starts with 32-bit counts (≈42 KB with a realistic spread, half of 64-bit) and is
 * widened to 64-bit once the total could pass 2^32 − 1, which a bucket can only do after that:
 * memory stays low for thousands of series, and a long soak at high rate cannot wrap a count.
 */
import type { Histogram } from './hdr.js';
import { addEncodedInto, addInto, createHistogram, percentileMs } from './hdr.js';

/** A trend delta as a worker sends it (the trend arm of SeriesSnapshot). */
export interface TrendDelta {
  hdr: Uint8Array;
  count: number;
  min: number;
  max: number;
  sum: number;
}

/** Int32Histogram counts are a Uint32Array. */
const UINT32_MAX = 2 ** 32 - 1;
const PERCENTILE = /^p\((\d+(?:\.\d+)?)\)$/;

/** The percentile a statistic names: `med` → 50, `p(99.9)` → 99.9; undefined for anything else or past 100. */
export function percentileOf(stat: string): number | undefined {
  if (stat === 'med') return 50;
  const m = PERCENTILE.exec(stat);
  if (!m) return undefined;
  const p = Number(m[1]);
  return p <= 100 ? p : undefined;
}

/** One trend's running total (a series, or a view merged over several). */
export class TrendAggregate {
  readonly kind = 'trend' as const;
  private hdr: Histogram = createHistogram(32);
  private wide = false;
  private count = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  /** Adds one worker's delta (its histogram arrives encoded). */
  mergeDelta(delta: TrendDelta): void {
    this.makeRoom(delta.count);
    addEncodedInto(this.hdr, delta.hdr);
    this.addExact(delta.count, delta.sum, delta.min, delta.max);
  }

  /** Adds another total (building a view over several series). */
  mergeFrom(other: TrendAggregate): void {
    this.makeRoom(other.count);
    addInto(this.hdr, other.hdr);
    this.addExact(other.count, other.sum, other.min, other.max);
  }

  /**
   * count, sum, avg, min, max exactly; med and p(N) from the histogram, clamped to [min, max]
   * (a bucket's highest equivalent value can sit just above the exact max). All 0 when empty.
   */
  value(stat: string): number | undefined {
    switch (stat) {
      case 'count':
        return this.count;
      case 'sum':
        return this.sum;
      case 'avg':
        return this.count > 0 ? this.sum / this.count : 0;
      case 'min':
        return this.count > 0 ? this.min : 0;
      case 'max':
        return this.count > 0 ? this.max : 0;
    }
    const p = percentileOf(stat);
    if (p === undefined) return undefined;
    if (this.count === 0) return 0;
    return Math.min(this.max, Math.max(this.min, percentileMs(this.hdr, p)));
  }

  /** Widens to 64-bit counts before `extra` more values could wrap a 32-bit bucket. */
  private makeRoom(extra: number): void {
    if (this.wide || this.count + extra <= UINT32_MAX) return;
    const wide = createHistogram(64);
    addInto(wide, this.hdr);
    this.hdr = wide;
    this.wide = true;
  }

  private addExact(count: number, sum: number, min: number, max: number): void {
    if (count <= 0) return;
    this.count += count;
    this.sum += sum;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
  }
}
