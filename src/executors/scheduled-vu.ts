/**
 * One VU under a changing VU count (ramping-vus): it loops iterations while the schedule counts it
 * in. Taken out, it starts no new iteration; the one in flight gets `gracefulRampDown` to finish
 * and is then interrupted (its requests aborted, not counted). Counted in again, it carries on: an
 * iteration still in flight simply continues, otherwise it starts looping anew (k6's vuHandle).
 *
 * The VU is "held" from its first iteration until its loop ends, ramp-down included: k6 returns a
 * ramped-down VU to the pool only when its last iteration is over, so `vus` counts it until then.
 */
import type { Clock, VuHandle } from './types.js';

/** What a scheduled VU needs from its executor. */
export interface ScheduleDeps {
  readonly clock: Clock;
  /** False once no iteration may start, whatever the schedule (end of stages, stop requested). */
  canIterate(): boolean;
  /** Called when the VU becomes held (+1) and when it is released (−1). */
  onHeld(delta: 1 | -1): void;
}

export class ScheduledVu {
  private readonly vu: VuHandle;
  private readonly deps: ScheduleDeps;
  private scheduled = false;
  /** The running loop; undefined while the VU is released. */
  private loop: Promise<void> | undefined;
  /** Cancels the pending gracefulRampDown interrupt. */
  private grace: AbortController | undefined;

  constructor(vu: VuHandle, deps: ScheduleDeps) {
    this.vu = vu;
    this.deps = deps;
  }

  /** Counts the VU in: it loops iterations (or keeps its in-flight one going). */
  activate(): void {
    this.cancelGrace();
    if (this.scheduled) return;
    this.scheduled = true;
    // Checked here too: a loop that ended before its first await would leave `loop` set for good.
    if (!this.loop && this.deps.canIterate()) this.loop = this.runLoop();
  }

  /** Takes the VU out: no new iteration; the running one is interrupted after `gracefulRampDownMs`. */
  deactivate(gracefulRampDownMs: number): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    if (!this.loop) return;
    if (gracefulRampDownMs <= 0) {
      this.vu.interruptIteration();
      return;
    }
    const grace = (this.grace = new AbortController());
    const { clock } = this.deps;
    void clock.sleepUntil(clock.now() + gracefulRampDownMs, grace.signal).then(() => {
      if (grace.signal.aborted) return;
      this.grace = undefined;
      this.vu.interruptIteration();
    });
  }

  /** Resolves once the VU's loop (if one runs) has ended. */
  settled(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }

  private async runLoop(): Promise<void> {
    this.deps.onHeld(1);
    try {
      while (this.scheduled && this.deps.canIterate()) await this.vu.runIteration();
    } finally {
      this.loop = undefined;
      this.cancelGrace();
      this.deps.onHeld(-1);
    }
  }

  private cancelGrace(): void {
    this.grace?.abort();
    this.grace = undefined;
  }
}
