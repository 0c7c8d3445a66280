/**
 * `constant-arrival-rate`: `rate` iterations start every `timeUnit` for `duration`, whatever the
 * iterations take (k6's open model). The offsets come from arrival-schedule.ts, a segment's share of
 * them from arrival-stripe.ts, and arrival-driver.ts starts them on a pool of VUs (arrival-executor.ts).
 */
import type { ExecutorDefinition } from './types.js';
import { readDuration, readNumber } from './fields.js';
import { readArrivalPool, readTimeUnit } from './arrival-fields.js';
import { arrivalMethods, type ArrivalConfig } from './arrival-executor.js';

export interface ConstantArrivalRateConfig extends ArrivalConfig {
  rate: number;
  timeUnitMs: number;
  durationMs: number;
}

export const constantArrivalRate = {
  type: 'constant-arrival-rate',
  fields: ['rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  parse(raw, path, issues) {
    const rate = readNumber(raw, 'rate', path, issues, 0);
    if (raw.rate !== undefined && rate === 0) issues.push({ path: `${path}.rate`, message: 'must be greater than 0' });
    const durationMs = readDuration(raw, 'duration', path, issues);
    if (raw.duration !== undefined && durationMs <= 0) issues.push({ path: `${path}.duration`, message: 'must be longer than 0s' });
    return { rate, timeUnitMs: readTimeUnit(raw, path, issues), durationMs, ...readArrivalPool(raw, path, issues) };
  },
  ...arrivalMethods<ConstantArrivalRateConfig>(
    (c) => ({ rate: c.rate, timeUnitMs: c.timeUnitMs, durationMs: c.durationMs }),
    (c) => c.durationMs,
  ),
} satisfies ExecutorDefinition<ConstantArrivalRateConfig>;
