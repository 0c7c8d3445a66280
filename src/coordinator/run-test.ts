/**
 * One `volley run`, end to end: compile → lifecycle worker (options) → the run's phases
 * (test-run.ts: setup → load workers → teardown → thresholds → summary, outputs) → exit code. The
 * coordinator runs no user code.
 * Errors that stop the run before it starts (104, 107 in init/setup, 100) are thrown; what happens
 * after the start is recorded in a RunOutcome so the summary is always written.
 */
import type { Io } from '../io.js';
import { prepareScenario } from './prepare.js';
import { StopControl } from './stop-control.js';
import { emptyOutcome, type RunOutcome } from './exit-code.js';
import type { RunRequest } from './run-request.js';
import { releaseWarmThreads } from './warm-threads.js';
import { discardEarlyCompile } from '../compile/early-compile.js';
import { replayHeldSignals } from './early-signals.js';
import type { PreparedScenario } from './prepare.js';
import type { LoadDriver } from './load-driver.js';

/**
 * A command that runs the prepared scenario its own way (volley capacity): it may replace its
 * options and thresholds, and steers the load (load-driver.ts). Throws a ConfigError (104) for
 * what it finds wrong with the script.
 */
export type Steering = (prepared: PreparedScenario) => { prepared: PreparedScenario; driver: LoadDriver };

/** Runs the scenario (steered, when `steer` is given) and returns the exit code. */
export async function runTest(req: RunRequest, io: Io, steer?: Steering): Promise<number> {
  const outcome = emptyOutcome();
  const stop = new StopControl(io);
  replayHeldSignals(); // a ^C during start-up, before `stop` listened
  try {
    const preparing = prepareScenario(req, io, (action, reason) => onLifecycleControl(outcome, io, action, reason), stop.signal);
    // The run's own modules (metrics, outputs, workers, control API) load while esbuild compiles.
    const loading = import('./test-run.js');
    loading.catch(() => {}); // awaited below once prepared; a failed prepare must not leave it unhandled
    const prepared = await preparing;
    try {
      const { TestRun } = await loading;
      const steered = steer?.(prepared);
      return await new TestRun(steered?.prepared ?? prepared, req, io, stop, outcome, steered?.driver).run();
    } finally {
      await prepared.dispose();
    }
  } finally {
    stop.dispose();
    await releaseWarmThreads(); // a run that ended before its load phase leaves no thread behind
    await discardEarlyCompile();
  }
}

function onLifecycleControl(outcome: RunOutcome, io: Io, action: 'abort' | 'fail', reason: string): void {
  if (action === 'fail') outcome.markedFailed = true;
  else {
    outcome.aborted = true;
    io.stderr.write(`test aborted${reason ? `: ${reason}` : ''}\n`);
  }
}
