/**
 * When an externally controlled scenario ends: once its duration has run, not counting the time
 * the run spent paused (k6 stops its test-run clock while paused), or once the run is asked to
 * stop. A duration of 0 means no end but the stop.
 */
import type { Clock, ExternalControl } from './types.js';

/** Resolves at the scenario's end; `durationMs` 0 = only a stop ends it. */
export async function awaitControlledEnd(clock: Clock, control: ExternalControl, stopping: AbortSignal, durationMs: number): Promise<void> {
  let endAt = durationMs > 0 ? clock.now() + durationMs : Infinity;
  let pausedAt = control.paused ? clock.now() : undefined;
  for (;;) {
    if (stopping.aborted || (pausedAt === undefined && clock.now() >= endAt)) return;
    const wake = new AbortController();
    const offChange = control.onChange(() => wake.abort());
    const onStop = () => wake.abort();
    stopping.addEventListener('abort', onStop, { once: true });
    // While paused the end moves with the pause, so only a change or a stop can end the wait.
    await (pausedAt !== undefined || endAt === Infinity ? aborted(wake.signal) : clock.sleepUntil(endAt, wake.signal));
    offChange();
    stopping.removeEventListener('abort', onStop);
    if (control.paused && pausedAt === undefined) pausedAt = clock.now();
    else if (!control.paused && pausedAt !== undefined) {
      endAt += clock.now() - pausedAt;
      pausedAt = undefined;
    }
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
