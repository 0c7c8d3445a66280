/**
 * One step's seconds as they close, folded into what judging it needs: each SLO's aggregate over
 * the judged part (the hold, after the warm-up), the iterations completed in it, the start lag of
 * its first and second half, the load workers' event-loop use, and the iterations dropped over the
 * whole step. A step starts on a whole second of the run, so its seconds are exactly the run's
 * buckets [first, end), the hold being [holdFrom, end).
 */
import { mergeAggregates, newAggregate, toView, type Aggregate } from '../metrics/aggregates.js';
import type { AggregateView } from '../metrics/aggregate-view.js';
import type { MetricDef } from '../metrics/metric.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import { hasSamples } from '../thresholds/evaluate.js';
import type { Slo } from './slo.js';

const SECOND_MS = 1000;

/** What the driver asked of one step. */
export interface StepPlan {
  index: number;
  rate: number;
  /** Ms since the run's start, a whole second. */
  startMs: number;
  stepMs: number;
  warmupMs: number;
}

/** A step's seconds, folded. */
export interface StepMeasures {
  holdMs: number;
  /** Per SLO, in order: its aggregate over the hold (undefined without samples). */
  sloViews: (AggregateView | undefined)[];
  /** Per SLO: whether any second of the step (warm-up included) had a sample of it. */
  sloSeen: boolean[];
  iterations: number;
  droppedIterations: number;
  startLagMs: { early: number | undefined; late: number | undefined };
  busiestWorker: { worker: number; busy: number } | undefined;
}

/** One step's seconds, folded as they close. */
export class StepWindow {
  readonly plan: StepPlan;
  readonly first: number;
  readonly holdFrom: number;
  readonly end: number;
  private readonly slos: readonly Slo[];
  private readonly defOf: (metric: string) => MetricDef | undefined;
  private readonly sloAggs: (Aggregate | undefined)[];
  private readonly sloSeen: boolean[];
  private iterations = 0;
  private dropped = 0;
  /** Per hold second (by offset from holdFrom): the start lag's sum and count. */
  private readonly lag: { sum: number; count: number }[] = [];
  /** Per worker: busy time and window time over the hold, in ms. */
  private readonly busy = new Map<number, { busyMs: number; ms: number }>();

  constructor(plan: StepPlan, slos: readonly Slo[], defOf: (metric: string) => MetricDef | undefined) {
    this.plan = plan;
    this.slos = slos;
    this.defOf = defOf;
    this.first = plan.startMs / SECOND_MS;
    this.holdFrom = this.first + plan.warmupMs / SECOND_MS;
    this.end = this.first + plan.stepMs / SECOND_MS;
    this.sloAggs = slos.map(() => undefined);
    this.sloSeen = slos.map(() => false);
  }

  /** True when the second `index` of the run is part of this step. */
  holds(index: number): boolean {
    return index >= this.first && index < this.end;
  }

  /** One closed second of this step. */
  add(bucket: ClosedBucket): void {
    const { store } = bucket;
    this.dropped += store.view('dropped_iterations', {}, SECOND_MS)?.value('count') ?? 0;
    this.slos.forEach((slo, i) => {
      const agg = store.aggregate(slo.metric, slo.filter);
      const def = this.defOf(slo.metric);
      if (!agg || !def || !hasSamples(toView(def, agg, SECOND_MS))) return;
      this.sloSeen[i] = true;
      if (bucket.index < this.holdFrom) return;
      const into = (this.sloAggs[i] ??= newAggregate(def.kind));
      mergeAggregates(into, agg);
    });
    if (bucket.index < this.holdFrom) return;
    this.iterations += store.view('iterations', {}, SECOND_MS)?.value('count') ?? 0;
    const lag = store.view('iteration_start_lag', {}, SECOND_MS);
    const count = lag?.value('count') ?? 0;
    this.lag[bucket.index - this.holdFrom] = { sum: count > 0 ? (lag!.value('avg') ?? 0) * count : 0, count };
  }

  /** Worker `worker`'s event loop was busy `share` of a window of `ms` that began in second `index`. */
  addBusy(worker: number, index: number, share: number, ms: number): void {
    if (index < this.holdFrom || index >= this.end) return;
    const known = this.busy.get(worker) ?? { busyMs: 0, ms: 0 };
    known.busyMs += share * ms;
    known.ms += ms;
    this.busy.set(worker, known);
  }

  measures(): StepMeasures {
    const holdMs = (this.end - this.holdFrom) * SECOND_MS;
    const half = Math.floor((this.end - this.holdFrom) / 2);
    return {
      holdMs,
      sloViews: this.slos.map((slo, i) => {
        const agg = this.sloAggs[i];
        const def = this.defOf(slo.metric);
        return agg && def ? toView(def, agg, holdMs) : undefined;
      }),
      sloSeen: [...this.sloSeen],
      iterations: this.iterations,
      droppedIterations: this.dropped,
      // With a one-second hold there is no first half: only its one second, as the late one.
      startLagMs: { early: meanLag(this.lag.slice(0, half)), late: meanLag(this.lag.slice(half)) },
      busiestWorker: this.busiest(),
    };
  }

  private busiest(): { worker: number; busy: number } | undefined {
    let best: { worker: number; busy: number } | undefined;
    for (const [worker, { busyMs, ms }] of this.busy) {
      const busy = ms > 0 ? busyMs / ms : 0;
      if (!best || busy > best.busy) best = { worker, busy };
    }
    return best;
  }
}

function meanLag(seconds: readonly ({ sum: number; count: number } | undefined)[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const s of seconds) {
    if (!s) continue;
    sum += s.sum;
    count += s.count;
  }
  return count > 0 ? sum / count : undefined;
}
