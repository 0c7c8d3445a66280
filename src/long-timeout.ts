/**
 * Node's timers hold at most 2^31-1 ms (24.8 days): a longer delay fires after 1 ms instead, with
 * a TimeoutOverflowWarning. Durations reach further ('30d'), so a long wait is taken in steps.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `fn` once `ms` have passed, however long that is; returns what cancels it. */
export function setLongTimeout(fn: () => void, ms: number): () => void {
  const due = performance.now() + ms;
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = due - performance.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fn, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(timer);
}
