/**
 * ^C during start-up: before `run` installs its stop handling (StopControl, once the coordinator's
 * modules have loaded) a SIGINT or SIGTERM would kill the process by the default action, with no
 * exit code 105 and no summary. bin/volley.mjs holds them from process start for `run` and `demo`;
 * runTest replays them into its StopControl, which then stops the run before it starts (105).
 * Imports nothing: it loads before the CLI.
 */
type StopSignal = 'SIGINT' | 'SIGTERM';

let held: StopSignal[] | undefined;
const onInt = () => held?.push('SIGINT');
const onTerm = () => held?.push('SIGTERM');

/** Records SIGINT/SIGTERM instead of dying of them, until `replayHeldSignals`. */
export function holdSignals(): void {
  if (held) return;
  held = [];
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
}

/** Stops holding and re-emits what arrived meanwhile to the handlers installed since (StopControl's). */
export function replayHeldSignals(): void {
  const signals = held;
  if (!signals) return;
  held = undefined;
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  for (const signal of signals) process.emit(signal, signal);
}
