/**
 * The VUs of an arrival-rate scenario in one worker (k6's activeVUPool): the first
 * `preAllocatedVUs` are active from the start, the rest are activated one by one when an iteration
 * is due and none is free, and stay active (k6 never returns them). Free VUs are kept on a stack,
 * so the most recently used VU — with its connections still warm — runs the next iteration. When
 * the executor makes VUs on demand (ExecutorContext.addVu), activating one past those made makes it.
 */
import type { ExecutorContext, VuHandle } from './types.js';

export class ArrivalVuPool {
  private readonly vus: readonly VuHandle[];
  private readonly ctx: ExecutorContext;
  private readonly free: number[] = [];
  /** One callback per VU, made once: no closure per iteration. */
  private readonly onDone: (() => void)[] = [];
  private readonly busy: boolean[] = [];
  private active: number;
  private reported = -1;
  private inFlight = 0;
  private mostInFlight = 0;
  private wakeIdle: (() => void) | undefined;

  constructor(ctx: ExecutorContext, preAllocatedVUs: number) {
    this.ctx = ctx;
    this.vus = ctx.vus;
    this.active = Math.min(preAllocatedVUs, this.vus.length);
    for (let i = this.active - 1; i >= 0; i--) this.free.push(i);
    this.reportActive();
  }

  /** Starts one iteration scheduled at `scheduledAtMs` on a free VU; false when none is free and none is left to activate. */
  start(scheduledAtMs: number): boolean {
    let index = this.free.pop();
    if (index === undefined) {
      if (this.active >= this.vus.length && !this.ctx.addVu?.()) return false;
      index = this.active++;
    }
    this.inFlight++;
    if (this.inFlight > this.mostInFlight) this.mostInFlight = this.inFlight;
    this.busy[index] = true;
    void this.vus[index]!.runIteration(scheduledAtMs).then((this.onDone[index] ??= () => this.release(index)));
    return true;
  }

  /** Interrupts every iteration in flight (their VUs return to the pool as they end). */
  interruptBusy(): void {
    this.busy.forEach((busy, i) => busy && this.vus[i]!.interruptIteration());
  }

  /** The most iterations in flight at once since the last call (which starts the count again). */
  takeMostInFlight(): number {
    const most = this.mostInFlight;
    this.mostInFlight = this.inFlight;
    return most;
  }

  /** Tells the engine the active VU count if it changed since the last report (once per batch, not per activation). */
  reportActive(): void {
    if (this.active === this.reported) return;
    this.reported = this.active;
    this.ctx.setActiveVUs(this.active);
  }

  /** Resolves once no iteration is in flight. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => (this.wakeIdle = resolve));
  }

  private release(index: number): void {
    this.busy[index] = false;
    this.free.push(index);
    this.inFlight--;
    if (this.inFlight === 0 && this.wakeIdle) {
      const wake = this.wakeIdle;
      this.wakeIdle = undefined;
      wake();
    }
  }
}
