/**
 * The run's exit code from what happened, by DESIGN.md's precedence: 104 > 107 (init or setup) >
 * 100 > 103 > 105 > 108 > 99 > 101 > 107 (teardown or handleSummary) > 110 > 0. The codes before
 * 103 end the run before it starts and travel as exceptions; this covers a run that ran.
 */
import { ExitCode } from '../errors.js';

/** What happened during and after a run that started. */
export interface RunOutcome {
  engineFailed: boolean;
  stoppedFromOutside: boolean;
  aborted: boolean;
  thresholdsFailed: boolean;
  teardownTimedOut: boolean;
  lateScriptError: boolean;
  markedFailed: boolean;
}

export function emptyOutcome(): RunOutcome {
  return { engineFailed: false, stoppedFromOutside: false, aborted: false, thresholdsFailed: false, teardownTimedOut: false, lateScriptError: false, markedFailed: false };
}

const PRECEDENCE: [keyof RunOutcome, ExitCode][] = [
  ['engineFailed', ExitCode.engineFailure],
  ['stoppedFromOutside', ExitCode.externalAbort],
  ['aborted', ExitCode.scriptAborted],
  ['thresholdsFailed', ExitCode.thresholdsFailed],
  ['teardownTimedOut', ExitCode.teardownTimeout],
  ['lateScriptError', ExitCode.scriptError],
  ['markedFailed', ExitCode.markedAsFailed],
];

export function exitCodeOf(outcome: RunOutcome): ExitCode {
  for (const [key, code] of PRECEDENCE) if (outcome[key]) return code;
  return ExitCode.ok;
}
