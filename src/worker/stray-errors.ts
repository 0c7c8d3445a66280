/**
 * Errors the script makes outside anything volley awaits: a promise nobody awaited that rejects, a
 * throw in a setTimeout or event callback. Node ends the thread on them, which ended the whole run
 * (103); k6 reports them and goes on, and so does volley: each is handed to `report`, in whichever
 * thread runs user code. The VU or stage it came from is not known (knowing it would take async
 * context tracking on the hot path); its file and line are, from its stack.
 *
 * A rejection is always the script's: volley awaits or catches every promise it makes. An exception
 * whose stack runs through volley's code only is volley's own fault, and still ends the thread.
 */
import { describeScriptError, thrownByVolley } from './script-error.js';
import { TestAbortedError } from './test-abort.js';

/** Where a stray error came from, as the report names it. */
export type StrayOrigin = 'a promise nobody awaited' | 'a timer or event callback';

/** Routes the thread's unhandled rejections and uncaught exceptions to `report` from now on. */
export function catchStrayErrors(report: (err: unknown, origin: StrayOrigin) => void): void {
  // test.abort() called there has stopped the run already; its unwinding throw is no error.
  process.on('unhandledRejection', (reason) => reason instanceof TestAbortedError || report(reason, 'a promise nobody awaited'));
  const onException = (err: Error) => {
    if (err instanceof TestAbortedError) return;
    if (!thrownByVolley(err)) return report(err, 'a timer or event callback');
    // As if nobody listened: the thread dies with this error, and the coordinator reports it (103).
    process.off('uncaughtException', onException);
    setImmediate(() => {
      throw err;
    });
  };
  process.on('uncaughtException', onException);
}

/** `a promise nobody awaited rejected with Error: …`, with the script's frames. */
export function describeStrayError(err: unknown, origin: StrayOrigin, scriptPath: string): string {
  return describeScriptError(origin, err, scriptPath, origin === 'a promise nobody awaited' ? 'rejected with' : 'threw');
}
