/**
 * One `volley run`, end to end: compile → lifecycle worker (options, setup) → load workers →
 * teardown → thresholds → summary and exports → exit code. The coordinator runs no user code.
 * Errors that stop the run before it starts (104, 107 in init/setup, 100) are thrown; what happens
 * after the start is recorded in a RunOutcome so the summary is always written.
 */
import { availableParallelism } from 'node:os';
import type { Io } from '../io.js';
import { LifecycleTimeoutError, VolleyError } from '../errors.js';
import type { ResolvedOptions } from '../config/options.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { LifecycleClient } from './lifecycle-client.js';
import { prepareScenario, type PreparedScenario } from './prepare.js';
import { LiveRun } from './live-run.js';
import { planScenarios, workerCount } from './plan.js';
import { StopControl } from './stop-control.js';
import { emptyOutcome, exitCodeOf, type RunOutcome } from './exit-code.js';
import { finishRun } from './finish-run.js';
import { banner } from './banner.js';
import type { RunRequest } from './run-request.js';

/** Runs the scenario and returns the exit code. */
export async function runTest(req: RunRequest, io: Io): Promise<number> {
  const outcome = emptyOutcome();
  const stop = new StopControl(io);
  try {
    const prepared = await prepareScenario(req, io, (action, reason) => onLifecycleControl(outcome, io, action, reason));
    try {
      return await runPrepared(prepared, req, io, stop, outcome);
    } finally {
      await prepared.dispose();
    }
  } finally {
    stop.dispose();
  }
}

async function runPrepared(p: PreparedScenario, req: RunRequest, io: Io, stop: StopControl, outcome: RunOutcome): Promise<number> {
  const { lifecycle, options, store } = p;
  const setupData = p.exports.includes('setup') ? await runSetup(lifecycle, options, store) : undefined;
  // test.abort() in setup skips the load, as in k6.
  const run = outcome.aborted ? skippedRun() : await runLoad(p, setupData, outcome, req, io, stop);
  outcome.stoppedFromOutside ||= stop.requested;
  if (p.exports.includes('teardown')) await runTeardown(lifecycle, options, setupData, store, outcome, io);
  await finishRun({ req, io, options, store, thresholds: p.thresholds, run, outcome, lifecycle, hasHandleSummary: p.exports.includes('handleSummary') });
  return exitCodeOf(outcome);
}

async function runSetup(lifecycle: LifecycleClient, options: ResolvedOptions, store: MetricStore): Promise<string | undefined> {
  const done = await lifecycle.request({ type: 'setup', options }, 'setupDone', options.setupTimeoutMs, () => new LifecycleTimeoutError('setup', options.setupTimeoutMs));
  store.merge(done.final, -1);
  return done.setupData;
}

async function runTeardown(lifecycle: LifecycleClient, options: ResolvedOptions, setupData: string | undefined, store: MetricStore, outcome: RunOutcome, io: Io): Promise<void> {
  try {
    const done = await lifecycle.request({ type: 'teardown', options, setupData }, 'teardownDone', options.teardownTimeoutMs, () => new LifecycleTimeoutError('teardown', options.teardownTimeoutMs));
    store.merge(done.final, -1);
  } catch (err) {
    if (!(err instanceof VolleyError)) throw err;
    io.stderr.write(`error: ${err.message}\n`);
    if (err instanceof LifecycleTimeoutError) outcome.teardownTimedOut = true;
    else outcome.lateScriptError = true;
  }
}

async function runLoad(p: PreparedScenario, setupData: string | undefined, outcome: RunOutcome, req: RunRequest, io: Io, stop: StopControl) {
  const planned = planScenarios(p.options);
  const workers = workerCount(req.workers, availableParallelism(), planned);
  const { bundlePath, scriptPath } = p.compiled;
  if (!req.quiet) io.stderr.write(banner(scriptPath, io.cwd, planned, workers));
  const live = new LiveRun({ bundlePath, scriptPath, options: p.options, planned, workers, env: p.env, setupData, store: p.store, outcome, log: io.stderr });
  stop.attach(live);
  try {
    // A worker's init error arrives as the VolleyError it was (107 for the script's fault) and propagates as is.
    return await live.run();
  } finally {
    stop.attach(undefined);
  }
}

function onLifecycleControl(outcome: RunOutcome, io: Io, action: 'abort' | 'fail', reason: string): void {
  if (action === 'fail') outcome.markedFailed = true;
  else {
    outcome.aborted = true;
    io.stderr.write(`test aborted${reason ? `: ${reason}` : ''}\n`);
  }
}

function skippedRun() {
  return { startedAtMs: Date.now(), endedAtMs: Date.now(), errors: [] };
}
