/**
 * What the two arrival-rate executors share once their fields are read: the plan, the split of a
 * segment, and the run (the segment's stripe of the schedule's offsets, started by
 * arrival-driver.ts on a VU pool). Each executor supplies only its schedule and its duration.
 */
import type { ExecutionPlan, ExecutorContext } from './types.js';
import type { ArrivalSpec } from './arrival-schedule.js';
import type { ArrivalPool } from './arrival-fields.js';
import { scaleInt, segmentWithin, type Segment } from './segment.js';
import { stripeOffsets } from './arrival-stripe.js';
import { stripeOf } from './iteration-stripe.js';
import { driveArrivals } from './arrival-driver.js';

/** The fields every arrival-rate config has beside its schedule. */
export interface ArrivalConfig extends ArrivalPool {
  /** The part of the whole this config runs (absent: all of it); VU counts are the whole's. */
  segment?: Segment;
}

/** plan, split and run for an arrival-rate executor whose schedule is `spec(c)`, lasting `durationMs(c)`. */
export function arrivalMethods<C extends ArrivalConfig>(spec: (c: C) => ArrivalSpec, durationMs: (c: C) => number) {
  const share = (total: number, c: C) => (c.segment ? scaleInt(total, c.segment) : total);
  return {
    plan(c: C, gracefulStopMs: number): ExecutionPlan {
      return { maxVUs: share(c.maxVUs, c), maxDurationMs: durationMs(c) + gracefulStopMs };
    },
    split(c: C, seg: Segment): C {
      return { ...c, segment: segmentWithin(c.segment, seg) };
    },
    async run(c: C, ctx: ExecutorContext): Promise<void> {
      const offsets = stripeOffsets(spec(c), stripeOf(c.segment, c.maxVUs));
      await driveArrivals({ offsets, durationMs: durationMs(c), preAllocatedVUs: share(c.preAllocatedVUs, c), maxVUs: c.maxVUs }, ctx);
    },
  };
}
