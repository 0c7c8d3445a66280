/**
 * `constant-arrival-rate`: `rate` iterations start every `timeUnit` for `duration`, whatever the
 * iterations take (k6's open model). The offsets come from arrival-schedule.ts, a segment's share of
 * them from arrival-stripe.ts, and arrival-driver.ts starts them on a pool of VUs.
 */
import type { ExecutorDefinition } from './types.js';
import type { Segment } from './segment.js';
import type { ConstantArrivalSpec } from './arrival-schedule.js';
import { readDuration, readNumber } from './fields.js';
import { readArrivalPool, readTimeUnit, type ArrivalPool } from './arrival-fields.js';
import { scaleInt, segmentWithin } from './segment.js';
import { stripeOf, stripeOffsets } from './arrival-stripe.js';
import { driveArrivals } from './arrival-driver.js';

export interface ConstantArrivalRateConfig extends ArrivalPool {
  rate: number;
  timeUnitMs: number;
  durationMs: number;
  /** The part of the whole this config runs (absent: all of it); VU counts are the whole's. */
  segment?: Segment;
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
  plan(c, gracefulStopMs) {
    return { maxVUs: c.segment ? scaleInt(c.maxVUs, c.segment) : c.maxVUs, maxDurationMs: c.durationMs + gracefulStopMs };
  },
  split(c, seg) {
    return { ...c, segment: segmentWithin(c.segment, seg) };
  },
  async run(c, ctx) {
    const spec: ConstantArrivalSpec = { rate: c.rate, timeUnitMs: c.timeUnitMs, durationMs: c.durationMs };
    const offsets = stripeOffsets(spec, stripeOf(c.segment, c.maxVUs));
    const preAllocatedVUs = c.segment ? scaleInt(c.preAllocatedVUs, c.segment) : c.preAllocatedVUs;
    await driveArrivals({ offsets, durationMs: c.durationMs, preAllocatedVUs }, ctx);
  },
} satisfies ExecutorDefinition<ConstantArrivalRateConfig>;
