/**
 * Runs an arrival-rate schedule on a worker's VUs (k6's open model, as in its ramping-arrival-rate
 * Run loop): iterations start at their offsets on one monotonic timeline whatever the iterations
 * take; each start takes a free VU; when none is free another VU is activated, up to the pool's
 * size (maxVUs); past that the iteration is dropped (`dropped_iterations`), never queued.
 *
 * The loop sleeps only until the next offset that lies in the future, and starts every offset that
 * is due in one batch, so a high rate costs one timer per timer tick rather than one per iteration.
 * When the loop falls behind (a busy event loop) it starts the overdue iterations late, recording
 * the lag (`iteration_start_lag`), and the catch-up is bounded as in k6: each overdue start still
 * needs a free VU, so at most the idle VUs start at once and the rest are dropped, not bunched.
 * After the duration nothing starts; in-flight iterations get gracefulStop (graceful-stop.ts).
 */
import type { ExecutorContext } from './types.js';
import { awaitWithGracefulStop } from './graceful-stop.js';
import { ArrivalVuPool } from './arrival-vu-pool.js';

/** What one worker runs: its share's offsets (ms from the scenario start) and pool sizes. */
export interface ArrivalRun {
  offsets: Iterable<number>;
  durationMs: number;
  preAllocatedVUs: number;
  /** The whole scenario's maxVUs, for the warning when they run out. */
  maxVUs: number;
}

/** Runs `run` until its schedule ends or a stop is requested, then awaits or interrupts in-flight iterations. */
export async function driveArrivals(run: ArrivalRun, ctx: ExecutorContext): Promise<void> {
  const startAt = ctx.clock.now();
  const endAt = startAt + run.durationMs;
  const pool = new ArrivalVuPool(ctx, run.preAllocatedVUs);
  const scheduling = startOnSchedule(run, startAt, endAt, pool, ctx).then(() => pool.idle());
  await awaitWithGracefulStop(ctx, [scheduling], endAt);
}

/** The scheduling loop: batches of due starts, a sleep until the next offset between them (offsets from `startAt`; none at or past `endAt`). */
export async function startOnSchedule(run: ArrivalRun, startAt: number, endAt: number, pool: ArrivalVuPool, ctx: ExecutorContext): Promise<void> {
  const { clock, stopping } = ctx;
  const iterator = run.offsets[Symbol.iterator]();
  let next = iterator.next();
  while (!next.done && !stopping.aborted) {
    const now = clock.now();
    let at = startAt + next.value;
    // Offsets before the end still start when the loop wakes a little past it: every scheduled
    // iteration is started or dropped, so iterations + dropped_iterations is the schedule's total.
    if (at >= endAt) break;
    if (at > now) {
      await clock.sleepUntil(at, stopping);
      continue;
    }
    let dropped = 0;
    do {
      if (!pool.start(at)) dropped++;
      next = iterator.next();
      if (next.done) break;
      at = startAt + next.value;
    } while (at <= now);
    pool.reportActive();
    if (dropped > 0) {
      ctx.dropIterations(dropped);
      ctx.insufficientVUs(run.maxVUs);
    }
    // Still behind after the batch: give the event loop a turn (I/O, finished iterations, stop messages) first.
    if (!next.done && at <= clock.now()) await nextTurn();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
