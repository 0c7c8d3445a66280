/**
 * The fields both arrival-rate executors share (`timeUnit`, `preAllocatedVUs`, `maxVUs`) and the
 * ramping one's rate `stages`, read with every issue recorded under its path (STYLE rule 2).
 */
import type { ConfigIssue } from '../errors.js';
import type { ArrivalStage } from './arrival-schedule.js';
import { readDuration, readInt, readNumber } from './fields.js';

type Raw = Readonly<Record<string, unknown>>;

/** The VU pool of an arrival-rate scenario. */
export interface ArrivalPool {
  preAllocatedVUs: number;
  /** ≥ preAllocatedVUs; VUs beyond preAllocatedVUs are activated only when none is free. */
  maxVUs: number;
}

/** `timeUnit` in ms (default 1s); must be longer than 0. */
export function readTimeUnit(raw: Raw, path: string, issues: ConfigIssue[]): number {
  // An unreadable value was already reported and came back as the default, so ≤ 0 here is a real 0s.
  const ms = readDuration(raw, 'timeUnit', path, issues, 1000);
  if (ms > 0) return ms;
  issues.push({ path: `${path}.timeUnit`, message: 'must be longer than 0s' });
  return 1000;
}

/** `preAllocatedVUs` (required) and `maxVUs` (default: preAllocatedVUs, and never fewer). */
export function readArrivalPool(raw: Raw, path: string, issues: ConfigIssue[]): ArrivalPool {
  const preAllocatedVUs = readInt(raw, 'preAllocatedVUs', path, issues, 0);
  const maxVUs = readInt(raw, 'maxVUs', path, issues, 0, preAllocatedVUs);
  if (maxVUs < preAllocatedVUs) {
    issues.push({ path: `${path}.maxVUs`, message: `must be ≥ preAllocatedVUs (${preAllocatedVUs}), got ${maxVUs}` });
  }
  if (raw.preAllocatedVUs !== undefined && Math.max(maxVUs, preAllocatedVUs) === 0) {
    issues.push({ path: `${path}.preAllocatedVUs`, message: 'the scenario needs at least one VU (preAllocatedVUs or maxVUs > 0)' });
  }
  return { preAllocatedVUs, maxVUs: Math.max(maxVUs, preAllocatedVUs) };
}

/** A required, non-empty list of { duration, target } whose targets are rates (numbers ≥ 0). */
export function readRateStages(raw: Raw, path: string, issues: ConfigIssue[]): ArrivalStage[] {
  const value = raw.stages;
  if (!Array.isArray(value) || value.length === 0) {
    const message = value === undefined ? 'is required' : `must be a non-empty list of stages (got ${JSON.stringify(value)})`;
    issues.push({ path: `${path}.stages`, message: `${message}, such as [{ duration: '30s', target: 100 }]` });
    return [];
  }
  return value.map((stage: unknown, i) => {
    const stagePath = `${path}.stages[${i}]`;
    if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) {
      issues.push({ path: stagePath, message: `must be an object { duration, target } (got ${JSON.stringify(stage)})` });
      return { durationMs: 0, target: 0 };
    }
    const fields = stage as Raw;
    for (const extra of Object.keys(fields).filter((k) => k !== 'duration' && k !== 'target')) {
      issues.push({ path: `${stagePath}.${extra}`, message: 'is not a stage field (a stage has duration and target)' });
    }
    return { durationMs: readDuration(fields, 'duration', stagePath, issues), target: readNumber(fields, 'target', stagePath, issues, 0) };
  });
}
