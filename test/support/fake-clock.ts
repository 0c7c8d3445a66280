/** A Clock whose time moves only when the test says so; schedules are asserted exactly with it. */
import type { Clock } from '../../src/executors/types.js';

interface Sleeper {
  at: number;
  resolve: () => void;
}

export class FakeClock implements Clock {
  private t = 0;
  private sleepers: Sleeper[] = [];
  now(): number {
    return this.t;
  }
  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (atMs <= this.t || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      // Woken by time: drop the abort listener, as the real clock does, so long runs do not pile them up.
      const sleeper = {
        at: atMs,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  /** Moves time from sleeper to sleeper (letting promises settle between) until none is left or `limitMs` is reached. */
  async run(limitMs = Infinity): Promise<void> {
    await settle();
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers[0];
      if (!next || next.at > limitMs) break;
      this.sleepers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await settle();
    }
  }
}

/** Lets every pending promise chain run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
