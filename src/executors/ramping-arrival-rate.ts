/**
 * `ramping-arrival-rate`: the arrival rate moves linearly from `startRate` through each stage's
 * `target` per `timeUnit` (k6's open model). Offsets from arrival-schedule.ts, a segment's share
 * from arrival-stripe.ts, starts and the VU pool from arrival-driver.ts.
 */
import type { ExecutorDefinition } from './types.js';
import type { ArrivalStage } from './arrival-schedule.js';
import { readNumber } from './fields.js';
import { readArrivalPool, readTimeUnit } from './arrival-fields.js';
import { readRateStages } from './stage-fields.js';
import { arrivalMethods, type ArrivalConfig } from './arrival-executor.js';

export interface RampingArrivalRateConfig extends ArrivalConfig {
  startRate: number;
  timeUnitMs: number;
  stages: ArrivalStage[];
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
  ...arrivalMethods<RampingArrivalRateConfig>(
    (c) => ({ startRate: c.startRate, timeUnitMs: c.timeUnitMs, stages: c.stages }),
    (c) => stagesDurationMs(c.stages),
  ),
} satisfies ExecutorDefinition<RampingArrivalRateConfig>;
