/**
 * The shared end of every executor: VU loops run until their own end, or until the scenario's
 * duration is over or the run is asked to stop; from then on, iterations in flight get `gracefulStop`
 * to finish, and whatever is still running after that is interrupted (k6's semantics).
 */
import type { ExecutorContext, VuHandle } from './types.js';

/** Runs iterations on one VU while `more()` says so. */
export async function loopVu(vu: VuHandle, more: () => boolean): Promise<void> {
  while (more()) await vu.runIteration();
}

/**
 * Awaits `loops`; once `endAtMs` (clock time; undefined = no time bound) passes or a stop is
 * requested, gives them `gracefulStopMs`, then interrupts every VU and awaits them.
 */
export async function awaitWithGracefulStop(ctx: ExecutorContext, loops: Promise<void>[], endAtMs: number | undefined): Promise<void> {
  const all = Promise.all(loops).then(() => 'done' as const);
  const ended = new AbortController();
  const endReached = endAtMs === undefined ? new Promise<void>(() => {}) : ctx.clock.sleepUntil(endAtMs, ended.signal);
  const stopRequested = abortedPromise(ctx.stopping, ended.signal);
  const first = await Promise.race([all, endReached.then(() => 'end' as const), stopRequested.then(() => 'stop' as const)]);
  ended.abort();
  if (first === 'done') return;
  const graceOver = new AbortController();
  const deadline = ctx.clock.now() + ctx.gracefulStopMs;
  const hard = abortedPromise(ctx.hardStop, graceOver.signal);
  const outcome = await Promise.race([all, ctx.clock.sleepUntil(deadline, graceOver.signal).then(() => 'grace' as const), hard.then(() => 'hard' as const)]);
  graceOver.abort();
  if (outcome === 'done') return;
  for (const vu of ctx.vus) vu.interrupt();
  await all;
}

/** Resolves when `signal` aborts; never settles if `cancel` aborts first (and then holds no listener). */
function abortedPromise(signal: AbortSignal, cancel: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => {
      cancel.removeEventListener('abort', onCancel);
      resolve();
    };
    const onCancel = () => signal.removeEventListener('abort', onAbort);
    signal.addEventListener('abort', onAbort, { once: true });
    cancel.addEventListener('abort', onCancel, { once: true });
  });
}
