/** The worker's monotonic clock, aligned across workers to the coordinator's start time. */
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { Clock } from '../executors/types.js';
import { MAX_TIMER_MS } from '../long-timeout.js';

/**
 * The clock requests read their phase marks from (only differences matter). One function object
 * for the warm-up and the run: V8 inlines the call, and a second closure of the same code would
 * make the warm-up's optimized request path deoptimize ("wrong feedback cell") in the run's first
 * second.
 */
export const requestClock = (): number => performance.now();

/** Milliseconds since the run's start on performance.now()'s monotonic timeline. */
export class MonotonicClock implements Clock {
  private origin: number;
  constructor() {
    this.origin = performance.now();
  }
  /** Aligns time 0 to the unix time `epochMs` (all workers receive the same one). */
  alignTo(epochMs: number): void {
    this.origin = performance.now() + (epochMs - Date.now());
  }
  now(): number {
    return performance.now() - this.origin;
  }
  async sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    for (let wait = atMs - this.now(); wait > 0 && !signal?.aborted; wait = atMs - this.now()) {
      await sleepMs(Math.min(wait, MAX_TIMER_MS), undefined, { signal }).catch(() => undefined);
    }
  }
}
