/**
 * Running totals on the coordinator for the metric kinds that need no histogram: counters (a sum),
 * rates (hits out of total) and gauges (last, min, max with the cross-worker rule below). Merging
 * is exact and the memory per series is a few numbers, however long the run.
 */

/** Counter: the sum of every increment; `rate` is per second of the run. */
export class CounterAggregate {
  readonly kind = 'counter' as const;
  private sum = 0;

  mergeDelta(delta: { sum: number }): void {
    this.sum += delta.sum;
  }

  mergeFrom(other: CounterAggregate): void {
    this.sum += other.sum;
  }

  /** count, or rate = count / (durationMs / 1000) (0 before any time has passed). */
  value(stat: string, durationMs: number): number | undefined {
    if (stat === 'count') return this.sum;
    if (stat === 'rate') return durationMs > 0 ? this.sum / (durationMs / 1000) : 0;
    return undefined;
  }
}

/** Rate: hits (non-zero values) out of all values. */
export class RateAggregate {
  readonly kind = 'rate' as const;
  private hits = 0;
  private total = 0;

  mergeDelta(delta: { hits: number; total: number }): void {
    this.hits += delta.hits;
    this.total += delta.total;
  }

  mergeFrom(other: RateAggregate): void {
    this.hits += other.hits;
    this.total += other.total;
  }

  /** rate (hits / total, 0 when empty), passes (hits), fails (total − hits). */
  value(stat: string): number | undefined {
    if (stat === 'rate') return this.total > 0 ? this.hits / this.total : 0;
    if (stat === 'passes') return this.hits;
    if (stat === 'fails') return this.total - this.hits;
    return undefined;
  }
}

/**
 * Gauge. Each worker reports its own gauge (`vus` is its own VUs), so within one series the
 * run-wide value is the SUM of every worker's latest value. min and max are those of that sum
 * over time: when worker w reports a window in which its gauge ranged over [min_w, max_w] and
 * ended at last_w, the sum ranged over [others + min_w, others + max_w], where `others` is the
 * sum of the other workers' latest values. That is exact with one worker; with several it assumes
 * the others held still during w's window, which is what the coordinator knows at that moment.
 *
 * Start: workers share one clock and flush at the same whole seconds, so the first window of each
 * covers the same time. Until some worker reports a second window, min and max are the sums of
 * the first windows' min and max (otherwise the first worker merged would count alone, and two
 * workers holding vus_max at 3 and 2 would show min=3). A worker that first reports later counts
 * as absent (0) before that, as a gauge recorded only from some point on should.
 *
 * Across series (different tag sets, e.g. a sub-metric view spanning several), k6's rule applies:
 * value is that of the series updated last, min and max the extremes of them all.
 */
export class GaugeAggregate {
  readonly kind = 'gauge' as const;
  private readonly byWorker = new Map<number, { last: number; firstMin: number; firstMax: number }>();
  private starting = true;
  private current = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  /** Merge order of the latest update, so a view over several series knows which came last. */
  private stamp = -1;

  /** Applies worker `workerId`'s window; `stamp` increases with every merge in the store. */
  mergeDelta(delta: { last: number; min: number; max: number }, workerId: number, stamp: number): void {
    const known = this.byWorker.get(workerId);
    if (known) {
      this.starting = false;
      known.last = delta.last;
    } else this.byWorker.set(workerId, { last: delta.last, firstMin: delta.min, firstMax: delta.max });
    let others = 0;
    let firstMins = 0;
    let firstMaxes = 0;
    for (const [id, w] of this.byWorker) {
      if (id !== workerId) others += w.last;
      firstMins += w.firstMin;
      firstMaxes += w.firstMax;
    }
    this.current = others + delta.last;
    if (this.starting) {
      this.min = firstMins;
      this.max = firstMaxes;
    } else {
      if (others + delta.min < this.min) this.min = others + delta.min;
      if (others + delta.max > this.max) this.max = others + delta.max;
    }
    this.stamp = stamp;
  }

  mergeFrom(other: GaugeAggregate): void {
    if (other.stamp < 0) return;
    if (other.stamp > this.stamp) {
      this.current = other.current;
      this.stamp = other.stamp;
    }
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** value (the summed latest value), min and max; undefined before any update. */
  value(stat: string): number | undefined {
    if (this.stamp < 0) return undefined;
    if (stat === 'value') return this.current;
    if (stat === 'min') return this.min;
    if (stat === 'max') return this.max;
    return undefined;
  }
}
