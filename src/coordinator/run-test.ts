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
import type { ThresholdResult } from '../thresholds/thresholds.js';
import { openOutputs, type OutputSet } from '../outputs/output-set.js';
import type { SummaryData } from '../outputs/summary-data.js';
import type { LifecycleClient } from './lifecycle-client.js';
import { prepareScenario, type PreparedScenario } from './prepare.js';
import { LiveRun } from './live-run.js';
import { RunMetrics } from './run-metrics.js';
import { LiveThresholds } from './live-thresholds.js';
import { planScenarios, workerCount } from './plan.js';
import { StopControl } from './stop-control.js';
import { emptyOutcome, exitCodeOf, type RunOutcome } from './exit-code.js';
import { finishRun } from './finish-run.js';
import { banner } from './banner.js';
import type { RunRequest } from './run-request.js';
import { openControl, type OpenedControl } from '../control/open-control.js';
import type { RunControl } from '../control/run-control.js';
import { taintedNow } from '../control/tainted.js';

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
  const { lifecycle, options } = p;
  const outputs = openOutputs(req.outputs, io.cwd, options.summaryTrendStats);
  let summary: SummaryData | undefined;
  let opened: OpenedControl | undefined;
  try {
    const metrics = new RunMetrics(p.store);
    const load: { live?: LiveRun; control?: RunControl } = {};
    const thresholds = new LiveThresholds(p.thresholds, p.store, (failures) => {
      outcome.thresholdsFailed = true;
      io.stderr.write(`thresholds crossed (abortOnFail): ${failures.map(describeFailure).join(', ')}; stopping the run\n`);
      load.live?.stop(true);
    });
    metrics.onSecond((second) => {
      outputs.addSecond(second);
      thresholds.addSecond(second);
    });
    opened = await openControl(req.address, {
      planned: planScenarios(options),
      stop: () => stop.requestStop('stop requested through the control API'),
      stopped: () => stop.requested || outcome.aborted,
      tainted: (elapsedMs) => outcome.thresholdsFailed || taintedNow(p.thresholds, p.store, elapsedMs),
    }, io.stderr);
    load.control = opened?.control;
    const setupData = p.exports.includes('setup') ? await runSetup(lifecycle, options, metrics) : undefined;
    // test.abort() in setup skips the load, as in k6.
    const run = outcome.aborted ? skippedRun() : await runLoad(p, setupData, outcome, req, io, stop, metrics, thresholds, load);
    outcome.stoppedFromOutside ||= stop.requested;
    if (p.exports.includes('teardown')) await runTeardown(lifecycle, options, setupData, metrics, outcome, io);
    metrics.end();
    summary = await finishRun({ req, io, options, store: p.store, thresholds, run, outcome, lifecycle, outputs, hasHandleSummary: p.exports.includes('handleSummary') });
    opened?.control.ended();
    return exitCodeOf(outcome);
  } finally {
    await opened?.close();
    await finishOutputs(outputs, summary, io);
  }
}

async function runSetup(lifecycle: LifecycleClient, options: ResolvedOptions, metrics: RunMetrics): Promise<string | undefined> {
  const done = await lifecycle.request({ type: 'setup', options }, 'setupDone', options.setupTimeoutMs, () => new LifecycleTimeoutError('setup', options.setupTimeoutMs));
  metrics.fromLifecycle(done.final);
  return done.setupData;
}

async function runTeardown(lifecycle: LifecycleClient, options: ResolvedOptions, setupData: string | undefined, metrics: RunMetrics, outcome: RunOutcome, io: Io): Promise<void> {
  try {
    const done = await lifecycle.request({ type: 'teardown', options, setupData }, 'teardownDone', options.teardownTimeoutMs, () => new LifecycleTimeoutError('teardown', options.teardownTimeoutMs));
    metrics.fromLifecycle(done.final);
  } catch (err) {
    if (!(err instanceof VolleyError)) throw err;
    io.stderr.write(`error: ${err.message}\n`);
    if (err instanceof LifecycleTimeoutError) outcome.teardownTimedOut = true;
    else outcome.lateScriptError = true;
  }
}

async function runLoad(
  p: PreparedScenario,
  setupData: string | undefined,
  outcome: RunOutcome,
  req: RunRequest,
  io: Io,
  stop: StopControl,
  metrics: RunMetrics,
  thresholds: LiveThresholds,
  load: { live?: LiveRun; control?: RunControl },
) {
  const planned = planScenarios(p.options);
  const workers = workerCount(req.workers, availableParallelism(), planned);
  const { bundlePath, scriptPath } = p.compiled;
  if (!req.quiet) io.stderr.write(banner(scriptPath, io.cwd, planned, workers));
  const live = new LiveRun({
    bundlePath,
    scriptPath,
    options: p.options,
    planned,
    workers,
    env: p.env,
    setupData,
    metrics,
    onStart: (startedAtMs) => {
      thresholds.start(startedAtMs);
      load.control?.started();
    },
    observe: load.control && ((msg) => load.control?.observe(msg)),
    outcome,
    log: io.stderr,
  });
  stop.attach(live);
  load.live = live;
  load.control?.attach(live);
  try {
    // A worker's init error arrives as the VolleyError it was (107 for the script's fault) and propagates as is.
    return await live.run();
  } finally {
    stop.attach(undefined);
    load.live = undefined;
    load.control?.detach();
  }
}

/** Finishes the outputs on every exit path; a write failure is reported, not fatal (the summary is already out). */
async function finishOutputs(outputs: OutputSet, summary: SummaryData | undefined, io: Io): Promise<void> {
  for (const message of await outputs.finish(summary)) io.stderr.write(`error: ${message}\n`);
}

function describeFailure(r: ThresholdResult): string {
  return `${r.key} ${r.expression}${r.observed === undefined ? '' : ` (observed ${Number(r.observed.toFixed(3))})`}`;
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
