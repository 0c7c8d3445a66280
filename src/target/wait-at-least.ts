/**
 * A timer that never fires early. Node's timers may run up to a millisecond before their due time
 * (libuv rounds the loop clock), so `/delay/50` answering after 49.6 ms would break tests that assert
 * `>= 50`. The timer re-arms itself until the monotonic clock has passed the deadline.
 */

/** A pending wait; `cancel()` stops it (a client that went away needs no answer). */
export interface PendingWait {
  cancel(): void;
}

/** Calls `done` once at least `ms` milliseconds of `performance.now()` have passed since the call. */
export function waitAtLeast(ms: number, done: () => void): PendingWait {
  const deadline = performance.now() + ms;
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      timer = undefined;
      done();
      return;
    }
    timer = setTimeout(check, Math.ceil(remaining));
  };
  timer = setTimeout(check, Math.ceil(ms));
  return {
    cancel(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
