/**
 * Interrupts driven by an AbortSignal, for hosts that have one (setup and teardown, tests): the
 * signal aborting is the one, final interrupt.
 */
import type { Interrupts } from './types.js';

/** `signal` as Interrupts: retired once aborted, listeners called when it aborts. */
export function signalInterrupts(signal: AbortSignal): Interrupts {
  return {
    get retired() {
      return signal.aborted;
    },
    onInterrupt(listener) {
      signal.addEventListener('abort', listener, { once: true });
    },
    offInterrupt(listener) {
      signal.removeEventListener('abort', listener);
    },
  };
}
