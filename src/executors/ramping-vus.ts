/**
 * `ramping-vus`: the VU count follows `stages` from `startVUs` (k6's semantics). The count changes
 * at the instants of vu-ramp.ts's schedule (k6's, to the ns); the executor sleeps until each one
 * rather than polling. VU i of this worker runs while the count exceeds i: the last VU started is
 * the first to stop. A VU taken out finishes its iteration within `gracefulRampDown`
 * (scheduled-vu.ts). At the end of the stages no iteration starts, those in flight get
 * `gracefulStop`, then the rest are interrupted (graceful-stop.ts), ramp-down timers still running.
 */
import type { ExecutorContext, ExecutorDefinition } from './types.js';
import type { Segment } from './segment.js';
import type { RampStage, RampStep } from './vu-ramp.js';
import { readDuration, readInt } from './fields.js';
import { readVuStages } from './stage-fields.js';
import { scaleInt, segmentWithin } from './segment.js';
import { maxVUs, rampSteps, shareSteps, totalDurationMs } from './vu-ramp.js';
import { ScheduledVu } from './scheduled-vu.js';
import { ActiveCount } from './active-count.js';
import { awaitWithGracefulStop } from './graceful-stop.js';

export interface RampingVusConfig {
  startVUs: number;
  stages: RampStage[];
  gracefulRampDownMs: number;
  /** The part of the whole this config runs (absent: all of it); VUs are striped (vu-striping.ts). */
  segment?: Segment;
}

export const rampingVus = {
  type: 'ramping-vus',
  fields: ['startVUs', 'stages', 'gracefulRampDown'],
  parse(raw, path, issues) {
    const before = issues.length;
    const config = {
      startVUs: readInt(raw, 'startVUs', path, issues, 0, 1),
      stages: readVuStages(raw, path, issues),
      gracefulRampDownMs: readDuration(raw, 'gracefulRampDown', path, issues, 30_000),
    };
    if (issues.length === before && maxVUs(config.startVUs, config.stages) === 0) {
      issues.push({ path: `${path}.stages`, message: 'either startVUs or one of the stage targets must be greater than 0' });
    }
    return config;
  },
  plan(c, gracefulStopMs) {
    const whole = maxVUs(c.startVUs, c.stages);
    return { maxVUs: c.segment ? scaleInt(whole, c.segment) : whole, maxDurationMs: totalDurationMs(c.stages) + gracefulStopMs };
  },
  split(c, seg) {
    // The whole schedule travels with the segment: a share is only known by striping the whole's VUs.
    return { ...c, segment: segmentWithin(c.segment, seg) };
  },
  async run(c, ctx) {
    const endAt = ctx.clock.now() + totalDurationMs(c.stages);
    const active = new ActiveCount(ctx);
    const deps = { clock: ctx.clock, canIterate: () => !ctx.stopping.aborted && ctx.clock.now() < endAt, onHeld: active.add };
    const vus = ctx.vus.map((vu) => new ScheduledVu(vu, deps));
    const schedule = followSchedule(stepsOf(c), vus, c.gracefulRampDownMs, ctx, active);
    await awaitWithGracefulStop(ctx, [schedule], endAt);
  },
} satisfies ExecutorDefinition<RampingVusConfig>;

/** This config's steps: the whole schedule, or its segment's share of it. */
function stepsOf(c: RampingVusConfig): RampStep[] {
  const whole = rampSteps(c.startVUs, c.stages);
  return c.segment ? shareSteps(whole, maxVUs(c.startVUs, c.stages), c.segment) : whole;
}

/**
 * Applies each step at its instant (ms from now) until the last one or a stop request, then waits
 * for every VU loop to end. Steps are relative to the scenario's start, which is now.
 */
async function followSchedule(steps: readonly RampStep[], vus: readonly ScheduledVu[], gracefulRampDownMs: number, ctx: ExecutorContext, active: ActiveCount): Promise<void> {
  const start = ctx.clock.now();
  let current = 0;
  for (const step of steps) {
    // The step at 0 is applied before run() first yields: the engine takes that report as the start count.
    if (step.atMs > 0) await ctx.clock.sleepUntil(start + step.atMs, ctx.stopping);
    if (ctx.stopping.aborted) break;
    const target = Math.min(step.vus, vus.length);
    active.batch(() => {
      for (let i = current; i < target; i++) vus[i]!.activate();
      for (let i = current - 1; i >= target; i--) vus[i]!.deactivate(gracefulRampDownMs);
    });
    current = target;
  }
  active.flush(); // stopped before the first step: tell the engine none of its VUs is active
  await Promise.all(vus.map((vu) => vu.settled()));
}
