/** Fake VUs and executor contexts on a FakeClock: executors' schedules are asserted exactly with them. */
import type { ExecutorContext, VuHandle } from '../../src/executors/types.js';
import { FakeClock } from './fake-clock.js';

/** A VU whose iterations take `iterationMs` of fake time; records start times, schedules and interruptions. */
export class FakeVu implements VuHandle {
  starts: number[] = [];
  /** The scheduled start passed with each iteration (undefined for closed-model executors). */
  scheduled: (number | undefined)[] = [];
  completed = 0;
  interruptedIterations = 0;
  interrupted = false;
  private wake: AbortController | undefined;
  private readonly clock: FakeClock;
  private readonly iterationMs: number;
  constructor(clock: FakeClock, iterationMs: number) {
    this.clock = clock;
    this.iterationMs = iterationMs;
  }
  async runIteration(scheduledAtMs?: number): Promise<void> {
    if (this.interrupted) return;
    this.starts.push(this.clock.now());
    this.scheduled.push(scheduledAtMs);
    const wake = (this.wake = new AbortController());
    await this.clock.sleepUntil(this.clock.now() + this.iterationMs, wake.signal);
    if (!wake.signal.aborted) this.completed++;
  }
  interruptIteration(): void {
    if (this.wake && !this.wake.signal.aborted) this.interruptedIterations++;
    this.wake?.abort();
  }
  interrupt(): void {
    this.interrupted = true;
    this.wake?.abort();
  }
}

/** A context over `vus` fake VUs; `active` and `dropped` record what the executor reported. */
export function fakeContext(vus: number, iterationMs: number, gracefulStopMs = 30_000) {
  const clock = new FakeClock();
  const fakes = Array.from({ length: vus }, () => new FakeVu(clock, iterationMs));
  const stopping = new AbortController();
  const hardStop = new AbortController();
  const record = { active: [] as { at: number; count: number }[], dropped: 0, insufficient: [] as number[] };
  const ctx: ExecutorContext = {
    vus: fakes,
    clock,
    stopping: stopping.signal,
    hardStop: hardStop.signal,
    gracefulStopMs,
    setActiveVUs: (count) => record.active.push({ at: clock.now(), count }),
    dropIterations: (count) => (record.dropped += count),
    insufficientVUs: (maxVUs) => record.insufficient.push(maxVUs),
  };
  return { clock, fakes, ctx, stopping, hardStop, record };
}

/** Iterations completed across `fakes`. */
export const completedIterations = (fakes: FakeVu[]) => fakes.reduce((n, f) => n + f.completed, 0);
