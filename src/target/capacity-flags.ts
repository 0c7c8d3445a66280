/**
 * `--servers N --service-time DUR`, as both `volley target` and the standalone target
 * (parse-target-args.ts) read them: given together or not at all, the duration with its unit.
 */
import type { ConfigIssue } from '../errors.js';
import { readFlagDuration } from '../config/duration.js';
import type { CapacitySettings } from './capacity-model.js';

/** The capacity model the two flags ask for (undefined when neither is given); problems go to `issues`. */
export function readCapacityFlags(servers: string | number | undefined, serviceTime: string | undefined, issues: ConfigIssue[]): CapacitySettings | undefined {
  if (servers === undefined && serviceTime === undefined) return undefined;
  if (servers === undefined || serviceTime === undefined) {
    issues.push({ path: servers === undefined ? '--servers' : '--service-time', message: 'is needed with ' + (servers === undefined ? '--service-time' : '--servers') + ': the capacity model is N servers of a fixed service time, e.g. --servers 7 --service-time 20ms' });
    return undefined;
  }
  const count = typeof servers === 'number' ? servers : /^\d+$/.test(servers) ? Number(servers) : Number.NaN;
  const duration = readFlagDuration(serviceTime);
  if (!duration.ok) {
    issues.push({ path: '--service-time', message: duration.reason });
    return undefined;
  }
  return { servers: count, serviceTimeMs: duration.ms };
}
