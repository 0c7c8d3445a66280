/**
 * The fields both arrival-rate executors share (`timeUnit`, `preAllocatedVUs`, `maxVUs`), read
 * with every issue recorded under its path (STYLE rule 2). Rate `stages`: stage-fields.ts.
 */
import type { ConfigIssue } from '../errors.js';
import { readDuration, readInt } from './fields.js';

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
