/**
 * `ramping-arrival-rate`: the arrival rate moves linearly from `startRate` through each stage's
 * `target` per `timeUnit` (k6's open model). Offsets from arrival-schedule.ts, a segment's share
 * from arrival-stripe.ts, starts and the VU pool from arrival-driver.ts.
 */
import type { ExecutorDefinition } from './types.js';
import type { Segment } from './segment.js';
import type { ArrivalStage, RampingArrivalSpec } from './arrival-schedule.js';
import { readNumber } from './fields.js';
import { readArrivalPool, readTimeUnit, type ArrivalPool } from './arrival-fields.js';
import { readRateStages } from './stage-fields.js';
import { scaleInt, segmentWithin } from './segment.js';
import { stripeOf, stripeOffsets } from './arrival-stripe.js';
import { driveArrivals } from './arrival-driver.js';

export interface RampingArrivalRateConfig extends ArrivalPool {
  startRate: number;
  timeUnitMs: number;
  stages: ArrivalStage[];
  /** The part of the whole this config runs (absent: all of it); VU counts are the whole's. */
  segment?: Segment;
}

/** The stages' total duration: the scenario's duration before gracefulStop. */
export function stagesDurationMs(stages: readonly ArrivalStage[]): number {
  return stages.reduce((sum, s) => sum + s.durationMs, 0);
}

export const rampingArrivalRate = {
  type: 'ramping-arrival-rate',
  fields: ['startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
  parse(raw, path, issues) {
    const before = issues.length;
    const config = {
      startRate: readNumber(raw, 'startRate', path, issues, 0, 0),
      timeUnitMs: readTimeUnit(raw, path, issues),
      stages: readRateStages(raw, path, issues),
      ...readArrivalPool(raw, path, issues),
    };
    if (issues.length === before && stagesDurationMs(config.stages) <= 0) {
      issues.push({ path: `${path}.stages`, message: 'the stages must last longer than 0s in total' });
    }
    return config;
  },
  plan(c, gracefulStopMs) {
    return { maxVUs: c.segment ? scaleInt(c.maxVUs, c.segment) : c.maxVUs, maxDurationMs: stagesDurationMs(c.stages) + gracefulStopMs };
  },
  split(c, seg) {
    return { ...c, segment: segmentWithin(c.segment, seg) };
  },
  async run(c, ctx) {
    const spec: RampingArrivalSpec = { startRate: c.startRate, timeUnitMs: c.timeUnitMs, stages: c.stages };
    const offsets = stripeOffsets(spec, stripeOf(c.segment, c.maxVUs));
    const preAllocatedVUs = c.segment ? scaleInt(c.preAllocatedVUs, c.segment) : c.preAllocatedVUs;
    await driveArrivals({ offsets, durationMs: stagesDurationMs(c.stages), preAllocatedVUs }, ctx);
  },
} satisfies ExecutorDefinition<RampingArrivalRateConfig>;
