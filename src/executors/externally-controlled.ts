/**
 * `externally-controlled` (k6's semantics): `vus` VUs loop from the start, and the control API
 * (`PATCH /v1/status`, see src/control/) changes that number at run time, up to `maxVUs`. Raising it
 * starts more of the pre-allocated VUs at once; lowering it interrupts the running iteration of
 * each VU beyond the new count (k6 hard-stops them; an interrupted iteration is not counted). There
 * is no graceful stop: at the end of `duration` (paused time not counted; `0` = until stopped), or
 * when the run is stopped, running iterations are interrupted.
 */
import type { ExecutorContext, ExecutorDefinition } from './types.js';
import { readDuration, readInt } from './fields.js';
import { scaleInt, scaleIntAlong, type Segment } from './segment.js';
import { ControlChannel } from './control-channel.js';
import { awaitControlledEnd } from './controlled-end.js';

export interface ExternallyControlledConfig {
  vus: number;
  maxVUs: number;
  /** 0: no end but a stop (k6's "infinite duration"). */
  durationMs: number;
}

/**
 * One segment's share of a VU target. Shared out along how `maxVUs` is shared (scaleIntAlong), so
 * for any target ≤ maxVUs a worker's share never exceeds the VUs it pre-allocated, and the shares
 * still sum exactly to the target (a plain scaleInt of the target can exceed it: 2 of 3 VUs over 5
 * segments gives the middle one a VU it does not have).
 */
export function vuTargetShare(target: number, maxVUs: number, segment: Segment): number {
  return scaleIntAlong(target, maxVUs, segment);
}

export const externallyControlled = {
  type: 'externally-controlled',
  fields: ['vus', 'maxVUs', 'duration'],
  parse(raw, path, issues) {
    const vus = readInt(raw, 'vus', path, issues, 0, 0);
    const maxVUs = readInt(raw, 'maxVUs', path, issues, 1, Math.max(1, vus));
    if (maxVUs < vus) issues.push({ path: `${path}.maxVUs`, message: `must be ≥ vus (${vus})` });
    const durationMs = readDuration(raw, 'duration', path, issues);
    if (raw.gracefulStop !== undefined) issues.push({ path: `${path}.gracefulStop`, message: 'is not supported by the externally-controlled executor (as in k6): it has no graceful stop' });
    return { vus, maxVUs, durationMs };
  },
  plan(c, gracefulStopMs) {
    // gracefulStop is added only for the engine's convention (plan minus gracefulStop = the scenario's
    // length, for `scenario.progress`); this executor never waits for it.
    return { maxVUs: c.maxVUs, maxDurationMs: c.durationMs > 0 ? c.durationMs + gracefulStopMs : Infinity };
  },
  split(c, seg) {
    return { ...c, vus: vuTargetShare(c.vus, c.maxVUs, seg), maxVUs: scaleInt(c.maxVUs, seg) };
  },
  async run(c, ctx) {
    const control = ctx.control ?? new ControlChannel(c.vus);
    const vus = new ControlledVus(ctx);
    const offChange = control.onChange(() => vus.setTarget(control.vus));
    vus.setTarget(control.vus);
    try {
      await awaitControlledEnd(ctx.clock, control, ctx.stopping, c.durationMs);
    } finally {
      offChange();
      await vus.end();
    }
  },
} satisfies ExecutorDefinition<ExternallyControlledConfig>;

/** This worker's VUs of the scenario, the first `target` of them looping. */
class ControlledVus {
  private readonly ctx: ExecutorContext;
  private readonly loops: (Promise<void> | undefined)[];
  /** Cleared in the same turn as a loop's last check of `target`, so a raise never misses a loop that just ended. */
  private readonly looping: boolean[];
  private target = 0;
  private over = false;

  constructor(ctx: ExecutorContext) {
    this.ctx = ctx;
    this.loops = ctx.vus.map(() => undefined);
    this.looping = ctx.vus.map(() => false);
  }

  /** Starts VUs below `target`, interrupts the iteration of those at or above it; reports the active count. */
  setTarget(wanted: number): void {
    if (this.over) return;
    const previous = this.target;
    this.target = Math.max(0, Math.min(wanted, this.ctx.vus.length));
    for (let i = this.target; i < previous; i++) this.ctx.vus[i]!.interruptIteration();
    for (let i = 0; i < this.target; i++) if (!this.looping[i]) this.loops[i] = this.loop(i);
    this.ctx.setActiveVUs(this.target);
  }

  /** Interrupts every VU (no graceful stop) and waits for the loops to end. */
  async end(): Promise<void> {
    this.over = true;
    for (const vu of this.ctx.vus) vu.interrupt();
    await Promise.all(this.loops);
    this.ctx.setActiveVUs(0);
  }

  private async loop(i: number): Promise<void> {
    this.looping[i] = true;
    const vu = this.ctx.vus[i]!;
    while (!this.over && i < this.target) await vu.runIteration();
    this.looping[i] = false;
  }
}
