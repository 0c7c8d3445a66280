/**
 * The load a run offered in one second of it, for the breaking point: in iterations per second
 * when every scenario is an arrival-rate one (what their schedules asked for in that second, not
 * what was achieved), else in VUs (the most that were active in that second, the `vus` gauge).
 */
import type { ResolvedOptions, ResolvedScenario } from '../config/options.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { ArrivalStage } from '../executors/arrival-schedule.js';

/** A second's offered load and its unit. */
export interface OfferedLoad {
  load: number;
  unit: 'vus' | 'iterations/s';
}

/** A rate profile as the arrival-rate executors' configs hold it. */
interface RateProfile {
  startMs: number;
  timeUnitMs: number;
  /** Linear pieces from `from` to each stage's target; a constant rate is one flat piece. */
  from: number;
  stages: readonly ArrivalStage[];
}

/** How `options` offered load in a second: a function of the closed bucket. */
export function offeredLoadOf(options: ResolvedOptions): (bucket: ClosedBucket) => OfferedLoad {
  const profiles = options.scenarios.map(rateProfile);
  if (profiles.length > 0 && profiles.every((p) => p !== undefined)) {
    return (bucket) => {
      const from = bucket.index * 1000;
      const load = profiles.reduce((sum, p) => sum + iterationsBefore(p!, from + 1000) - iterationsBefore(p!, from), 0);
      return { load: Number(load.toFixed(3)), unit: 'iterations/s' };
    };
  }
  return (bucket) => ({ load: bucket.store.view('vus', {}, 1000)?.value('max') ?? 0, unit: 'vus' });
}

function rateProfile(s: ResolvedScenario): RateProfile | undefined {
  const c = s.config as { rate?: number; startRate?: number; timeUnitMs?: number; durationMs?: number; stages?: ArrivalStage[] };
  if (s.executor === 'constant-arrival-rate' && c.rate !== undefined) {
    return { startMs: s.startTimeMs, timeUnitMs: c.timeUnitMs ?? 1000, from: c.rate, stages: [{ durationMs: c.durationMs ?? 0, target: c.rate }] };
  }
  if (s.executor === 'ramping-arrival-rate' && c.stages) {
    return { startMs: s.startTimeMs, timeUnitMs: c.timeUnitMs ?? 1000, from: c.startRate ?? 0, stages: c.stages };
  }
  return undefined;
}

/** The iterations the profile schedules before `tMs` of the run: the integral of its rate (trapezoids of its linear stages). */
function iterationsBefore(p: RateProfile, tMs: number): number {
  let elapsed = tMs - p.startMs;
  let from = p.from;
  let total = 0;
  for (const stage of p.stages) {
    if (elapsed <= 0) break;
    const d = Math.min(elapsed, stage.durationMs);
    const at = stage.durationMs > 0 ? from + ((stage.target - from) * d) / stage.durationMs : from;
    total += ((from + at) / 2) * (d / p.timeUnitMs);
    elapsed -= stage.durationMs;
    from = stage.target;
  }
  return total;
}
