/**
 * One run of a prepared scenario, phase by phase: setup → load → teardown → summary. It owns what
 * the phases share — the run's metrics, live thresholds, outputs and the control API — opens the
 * outputs when the load starts, and closes them and the control API on every exit path. What
 * happens after the start is recorded in the RunOutcome, so the summary is always written; errors
 * before it (107 in setup, 100, a stop during setup: 105) are thrown.
 */
import { availableParallelism } from 'node:os';
import type { Io } from '../io.js';
import { ConfigError, LifecycleTimeoutError, StoppedError, VolleyError } from '../errors.js';
import type { ThresholdResult } from '../thresholds/thresholds.js';
import { OutputSet } from '../outputs/output-set.js';
import { WHOLE } from '../executors/segment.js';
import { openControl, type OpenedControl } from '../control/open-control.js';
import type { PreparedScenario } from './prepare.js';
import { LiveRun, type LiveRunResult } from './live-run.js';
import { RunMetrics } from './run-metrics.js';
import { ScenarioVUs } from './scenario-vus.js';
import { LiveThresholds } from './live-thresholds.js';
import { planScenarios, workerCount, workerVUs, type PlannedScenario } from './plan.js';
import { machineBudget, memoryIssues } from './memory-fit.js';
import type { StopControl, Stoppable } from './stop-control.js';
import { exitCodeOf, type RunOutcome } from './exit-code.js';
import { finishRun } from './finish-run.js';
import { banner } from './banner.js';
import type { RunRequest } from './run-request.js';
import type { LoadDriver } from './load-driver.js';
import { offeredLoadOf } from './offered-load.js';
import type { BreakingPoint } from './breaking-point.js';
import { describeBreakingPoint } from '../outputs/breaking-point-line.js';
import { formatsOf } from '../outputs/format-values.js';

export class TestRun {
  private readonly p: PreparedScenario;
  private readonly req: RunRequest;
  private readonly io: Io;
  private readonly stop: StopControl;
  private readonly outcome: RunOutcome;
  private readonly metrics: RunMetrics;
  private readonly thresholds: LiveThresholds;
  private readonly driver: LoadDriver | undefined;
  private outputs: OutputSet | undefined;
  /** Each scenario's active VUs, from the workers' snapshots: the progress display reads them. */
  private readonly scenarioVUs: ScenarioVUs;
  private control: OpenedControl | undefined;
  private live: LiveRun | undefined;

  /** `driver`: a command that steers the load itself and gives the verdict (load-driver.ts). */
  constructor(prepared: PreparedScenario, req: RunRequest, io: Io, stop: StopControl, outcome: RunOutcome, driver?: LoadDriver) {
    this.p = prepared;
    this.req = req;
    this.io = io;
    this.stop = stop;
    this.outcome = outcome;
    this.driver = driver;
    this.metrics = new RunMetrics(prepared.store);
    this.scenarioVUs = new ScenarioVUs(prepared.options.scenarios.map((s) => s.name));
    this.thresholds = new LiveThresholds(prepared.thresholds, prepared.store, (failures, broke) => this.abortOnThresholds(failures, broke), offeredLoadOf(prepared.options));
    this.metrics.onSecond((raw) => {
      const second = this.driver ? this.driver.second(raw) : raw;
      this.outputs?.addSecond(second);
      this.thresholds.addSecond(second);
    });
  }

  /** Runs every phase and returns the exit code. */
  async run(): Promise<number> {
    const { p, outcome } = this;
    const planned = planScenarios(p.options);
    const workers = workerCount(this.req.workers, availableParallelism(), planned);
    // Before anything starts (setup included): a plan whose VUs cannot fit in memory is refused, not swapped.
    const tooBig = memoryIssues(workerVUs(planned, workers), machineBudget());
    if (tooBig.length) throw new ConfigError(tooBig);
    try {
      this.control = await this.openControl(planned);
      const setupData = p.exports.includes('setup') ? await this.setup() : undefined;
      // test.abort() in setup skips the load, as in k6; so does a stop that came before it.
      const load = outcome.aborted || this.stop.requested ? skippedLoad() : await this.load(setupData, planned, workers);
      outcome.stoppedFromOutside ||= this.stop.requested;
      this.stop.attach(this.endingStop(), false);
      if (p.exports.includes('teardown')) await this.teardown(setupData);
      // A run that never started its load (test.abort() in setup, a stop during init) still gets its outputs.
      const outputs = this.outputs ?? this.openOutputs(load.startedAtMs, planned, workers);
      this.metrics.end();
      await finishRun({
        req: this.req,
        io: this.io,
        options: p.options,
        store: p.store,
        thresholds: this.thresholds,
        run: load,
        outcome,
        lifecycle: p.lifecycle,
        outputs,
        hasHandleSummary: p.exports.includes('handleSummary'),
        driver: this.driver,
      });
      this.control?.control.ended();
      return exitCodeOf(outcome);
    } finally {
      await this.control?.close();
      // On an error path: the outputs close what they wrote, without a summary (once finished, this does nothing).
      await this.outputs?.finish({ summary: undefined, custom: undefined });
    }
  }

  /** Makes the run's outputs (outputs/registry.ts) as the load starts at `startedAtMs`. */
  private openOutputs(startedAtMs: number, planned: PlannedScenario[], workers: number): OutputSet {
    const { p, req, io } = this;
    this.outputs = new OutputSet(
      req.outputs,
      {
        io,
        options: p.options,
        scenarios: planned,
        scriptPath: p.compiled.scriptPath,
        startedAtMs,
        segment: WHOLE,
        workers,
        quiet: req.quiet,
        noColor: req.noColor,
        live: this.scenarioVUs,
      },
      (line) => io.stderr.write(line),
    );
    return this.outputs;
  }

  private openControl(planned: PlannedScenario[]): Promise<OpenedControl | undefined> {
    const { p, outcome, stop } = this;
    return openControl(
      this.req.address,
      {
        planned,
        stop: () => stop.requestStop('stop requested through the control API'),
        stopped: () => stop.requested || outcome.aborted,
        tainted: (elapsedMs) => outcome.thresholdsFailed || this.thresholds.taintedAt(elapsedMs),
      },
      this.io.stderr,
    );
  }

  private async setup(): Promise<string | undefined> {
    const { lifecycle, options } = this.p;
    const timeout = () => new LifecycleTimeoutError('setup', options.setupTimeoutMs);
    // A stop ends setup at once (its thread is terminated: the code may never yield); teardown then does not run, as in k6.
    const done = await lifecycle.request({ type: 'setup', options }, 'setupDone', { timeoutMs: options.setupTimeoutMs, onTimeout: timeout, stop: this.stop.signal });
    this.metrics.fromLifecycle(done.final);
    return done.setupData;
  }

  private async load(setupData: string | undefined, planned: PlannedScenario[], workers: number): Promise<LiveRunResult> {
    const { p, req, io } = this;
    const control = this.control?.control;
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
      metrics: this.metrics,
      onStart: (startedAtMs) => {
        this.thresholds.start(startedAtMs);
        this.openOutputs(startedAtMs, planned, workers);
        control?.started();
        this.driver?.started(live, startedAtMs);
      },
      observe: (msg) => {
        this.scenarioVUs.observe(msg);
        control?.observe(msg);
        this.driver?.observe(msg);
      },
      outcome: this.outcome,
      log: io.stderr,
    });
    this.stop.attach(live);
    this.live = live;
    control?.attach(live);
    try {
      // A worker's init error arrives as the VolleyError it was (107 for the script's fault) and propagates as is.
      return await live.run();
    } finally {
      this.stop.attach(undefined);
      this.live = undefined;
      control?.detach();
    }
  }

  private async teardown(setupData: string | undefined): Promise<void> {
    const { lifecycle, options } = this.p;
    const timeout = () => new LifecycleTimeoutError('teardown', options.teardownTimeoutMs);
    try {
      const done = await lifecycle.request({ type: 'teardown', options, setupData }, 'teardownDone', { timeoutMs: options.teardownTimeoutMs, onTimeout: timeout });
      this.metrics.fromLifecycle(done.final);
    } catch (err) {
      if (!(err instanceof VolleyError)) throw err;
      this.io.stderr.write(`error: ${err.message}\n`);
      if (err instanceof LifecycleTimeoutError) this.outcome.teardownTimedOut = true;
      else if (!(err instanceof StoppedError)) this.outcome.lateScriptError = true;
    }
  }

  /**
   * What a ^C stops once the load is over: a first one lets teardown() and handleSummary() finish
   * (teardown within its timeout), a second one ends them at once; the summary is written either way.
   */
  private endingStop(): Stoppable {
    return {
      stop: (hard) => {
        if (!hard) return;
        this.outcome.stoppedFromOutside = true;
        this.p.lifecycle.interrupt();
      },
    };
  }

  /** An abortOnFail threshold failed: stop at once (in-flight iterations are interrupted, as in k6). */
  private abortOnThresholds(failures: ThresholdResult[], broke: BreakingPoint | undefined): void {
    this.outcome.thresholdsFailed = true;
    const where = broke ? `; ${describeBreakingPoint(broke, formatsOf((metric) => this.p.store.defOf(metric)))}` : '';
    this.io.stderr.write(`thresholds crossed (abortOnFail): ${failures.map(describeFailure).join(', ')}${where}; stopping the run\n`);
    this.live?.stop(true);
  }
}

function describeFailure(r: ThresholdResult): string {
  return `${r.key} ${r.expression}${r.observed === undefined ? '' : ` (observed ${Number(r.observed.toFixed(3))})`}`;
}

function skippedLoad(): LiveRunResult {
  return { startedAtMs: Date.now(), endedAtMs: Date.now(), errors: [], iterations: { complete: 0, interrupted: 0 }, workerFailures: [] };
}
