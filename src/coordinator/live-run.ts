/**
 * The running phase: starts the load workers, hands each its share, aligns their start, merges the
 * snapshots they send, and ends when every worker is done — or stops them on request. It never
 * throws for something a worker did after init: that is recorded in the RunOutcome, so the summary
 * is still written. A worker that dies is counted out with what it sent (the run stops, 103); one
 * whose event loop is blocked past the time it should have been done is ended (PendingWorkers), so
 * the run always ends.
 */
import type { Writable } from 'node:stream';
import type { FromWorker, IterationCounts, IterationErrorCount, ToWorker } from '../ipc/messages.js';
import type { ResolvedOptions } from '../config/options.js';
import { EngineError, VolleyError, deserializeError } from '../errors.js';
import type { RunMetrics } from './run-metrics.js';
import type { RunOutcome } from './exit-code.js';
import type { WorkerFailure } from '../outputs/summary-data.js';
import { workerShare, type PlannedScenario } from './plan.js';
import { WorkerPool, type DeathCause, type PoolListener } from './worker-pool.js';
import { markStartup } from './startup-trace.js';
import { releaseWarmThreads } from './warm-threads.js';
import { PendingWorkers } from './pending-workers.js';
import { WorkerFailures } from './worker-failures.js';

/** How long live workers get to report after a hard stop before the run ends without them (blocked ones are ended sooner). */
const HARD_STOP_GRACE_MS = 3000;
/** How long past its scenarios' end (gracefulStop included) a worker may take to say done before it counts as blocked. */
const END_GRACE_MS = 1000;
/**
 * Lead time so every worker receives `start` before time 0 and they all begin together. The workers
 * are idle by then (all said ready), so the message takes well under a millisecond; 20 ms leaves
 * room for a busy machine's scheduling. A worker that still gets it late aligns to the same time 0
 * and starts behind it. A lone worker has nobody to start with: it starts at once.
 */
const START_LEAD_MS = 20;
const startLeadMs = (workers: number): number => (workers > 1 ? START_LEAD_MS : 0);

export interface LiveRunParams {
  bundlePath: string;
  scriptPath: string;
  options: ResolvedOptions;
  planned: PlannedScenario[];
  workers: number;
  env: Record<string, string>;
  setupData: string | undefined;
  metrics: RunMetrics;
  /** Called with the run's start (unix ms) when the workers are told to start. */
  onStart?: (startedAtMs: number) => void;
  /** Sees every worker message first (the control API reads active VUs and confirmations from them). */
  observe?: (msg: FromWorker) => void;
  outcome: RunOutcome;
  log: Writable;
}

export interface LiveRunResult {
  startedAtMs: number;
  endedAtMs: number;
  errors: IterationErrorCount[];
  /** Summed over the workers that reported (a worker ended for a hang does not; one that died does, up to its death). */
  iterations: IterationCounts;
  workerFailures: WorkerFailure[];
}

export class LiveRun {
  private readonly p: LiveRunParams;
  private pool: WorkerPool | undefined;
  /** The workers not yet done or gone; exists once they start. */
  private pending: PendingWorkers | undefined;
  private readonly failures: WorkerFailures;
  private readonly errors = new Map<string, IterationErrorCount>();
  private readonly iterations: IterationCounts = { complete: 0, interrupted: 0 };
  /** The keys of the workers' warnings already printed: each is said once per run. */
  private readonly warned = new Set<string>();
  /** The script line where a dying worker's process.exit was called (from its `exiting` message). */
  private readonly exitCalls = new Map<number, string | undefined>();
  private finish: (() => void) | undefined;
  /** Set while the workers initialize: a failure throws from run(), a stop ends it before the start. */
  private init: { fail(err: VolleyError): void; stop(): void } | undefined;
  private hardTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private startedAtMs = 0;
  /** Counts a worker's `ready`; replaced by run() with the one that resolves once all are ready. */
  private onReady: () => void = () => {};

  constructor(params: LiveRunParams) {
    this.p = params;
    this.failures = new WorkerFailures(params.workers, params.log);
  }

  /** Starts the workers, waits until all are ready (init errors throw here), runs, and resolves when all are done. */
  async run(): Promise<LiveRunResult> {
    const { p } = this;
    if (this.stopped) return this.result();
    let ready = 0;
    const initialized = new Promise<boolean>((resolve, reject) => {
      this.init = { fail: reject, stop: () => resolve(false) };
      this.onReady = () => ++ready === p.workers && resolve(true);
    });
    markStartup('workers-spawning');
    const listener: PoolListener = { onMessage: (m) => this.onMessage(m), onDeath: (i, cause) => this.onDeath(i, cause) };
    this.pool = new WorkerPool(p.workers, listener, p.log);
    void releaseWarmThreads(); // the plan needed fewer load threads than were started ahead
    let started = false;
    try {
      for (let i = 0; i < p.workers; i++) this.pool.send(i, this.initMessage(i));
      started = (await initialized) && !this.stopped;
      this.init = undefined;
      markStartup('workers-ready');
      if (started) await this.runStarted(this.pool);
    } finally {
      clearTimeout(this.hardTimer);
      this.pending?.dispose();
      // Stopped while initializing: the script's init code may never yield, and nothing was measured yet.
      await this.pool.close(!started && this.stopped);
    }
    return this.result();
  }

  /** Graceful: no new iterations, running ones get gracefulStop. Hard: interrupt now. A blocked worker is ended either way. */
  stop(hard: boolean): void {
    this.stopped = true;
    if (this.init) return this.init.stop();
    this.pool?.broadcast({ type: 'stop', reason: 'signal', hard });
    this.pending?.expectDoneBy(hard ? Date.now() : Date.now() + maxGracefulStopMs(this.p.planned) + END_GRACE_MS);
    if (hard && !this.hardTimer) this.hardTimer = setTimeout(() => this.finish?.(), HARD_STOP_GRACE_MS);
  }

  /** The number of load workers. */
  get workers(): number {
    return this.p.workers;
  }

  /** Sends one worker a message (the control API's per-worker shares); dropped before the workers exist. */
  tell(workerId: number, msg: ToWorker): void {
    this.pool?.send(workerId, msg);
  }

  /** Aligns the workers' start and waits until each is done, gone, or ended for being blocked. */
  private async runStarted(pool: WorkerPool): Promise<void> {
    const { p } = this;
    const allDone = new Promise<void>((resolve) => (this.finish = resolve));
    this.startedAtMs = Date.now() + startLeadMs(p.workers);
    this.failures.startedAtMs = this.startedAtMs;
    this.pending = new PendingWorkers(p.workers, (i, lastHeardAt) => this.onBlocked(i, lastHeardAt));
    p.metrics.start(this.startedAtMs, Array.from({ length: p.workers }, (_, i) => i));
    p.onStart?.(this.startedAtMs);
    pool.broadcast({ type: 'start', epochMs: this.startedAtMs });
    this.pending.expectDoneBy(this.startedAtMs + plannedEndMs(p.planned) + END_GRACE_MS);
    markStartup('first-start');
    await allDone;
  }

  private result(): LiveRunResult {
    return { startedAtMs: this.startedAtMs || Date.now(), endedAtMs: Date.now(), errors: [...this.errors.values()], iterations: { ...this.iterations }, workerFailures: this.failures.list() };
  }

  private addIterations(counts: IterationCounts): void {
    this.iterations.complete += counts.complete;
    this.iterations.interrupted += counts.interrupted;
  }

  private initMessage(workerId: number): ToWorker {
    const { p } = this;
    return { type: 'init', workerId, bundlePath: p.bundlePath, scriptPath: p.scriptPath, options: p.options, scenarios: workerShare(p.planned, workerId, p.workers), env: p.env, setupData: p.setupData };
  }

  private onMessage(msg: FromWorker): void {
    this.p.observe?.(msg);
    this.pending?.heard(msg.workerId);
    switch (msg.type) {
      case 'ready':
        try {
          for (const decl of msg.metrics) this.p.metrics.store.declare(decl);
        } catch (err) {
          return this.onFailure(err instanceof VolleyError ? err : new EngineError(String(err)));
        }
        this.onReady();
        break;
      case 'snapshot':
        this.p.metrics.fromWorker(msg.workerId, msg.series, msg.fromMs, msg.toMs);
        break;
      case 'done':
        this.p.metrics.fromWorker(msg.workerId, msg.final, msg.fromMs, msg.toMs);
        for (const e of msg.errors) this.addErrors(e);
        this.addIterations(msg.iterations);
        this.settle(msg.workerId);
        break;
      case 'exiting': // its death (onDeath) follows
        this.p.metrics.fromWorker(msg.workerId, msg.final, msg.fromMs, msg.toMs);
        for (const e of msg.errors) this.addErrors(e);
        this.addIterations(msg.iterations);
        this.exitCalls.set(msg.workerId, msg.location);
        break;
      case 'testControl':
        if (msg.action === 'fail') this.p.outcome.markedFailed = true;
        else {
          this.p.outcome.aborted = true;
          this.p.log.write(`test aborted${msg.reason ? `: ${msg.reason}` : ''}\n`);
          this.stop(true);
        }
        break;
      case 'error':
        this.onWorkerError(deserializeError(msg.error), msg.fatal);
        break;
      case 'warning':
        if (!this.warned.has(msg.key)) this.p.log.write(`warning: ${msg.message}\n`);
        this.warned.add(msg.key);
        break;
      case 'controlApplied': // for the control API only: `observe` has it
        break;
      default: {
        const unknown: never = msg;
        throw new Error(`unknown worker message ${JSON.stringify(unknown)}`);
      }
    }
  }

  private onWorkerError(err: VolleyError, fatal: boolean): void {
    if (this.init) return this.init.fail(err);
    this.p.log.write(`${err.message}\n`);
    if (fatal) this.onFailure(err);
  }

  /** A worker exited unasked: what it sent counts, the run stops (103). One that had said done lost nothing. */
  private onDeath(index: number, cause: DeathCause): void {
    if (this.pending && !this.settle(index)) return;
    this.onFailure(new EngineError(this.failures.died(index, { ...cause, exitCalledAt: this.exitCalls.get(index) })));
  }

  /** A worker's event loop is blocked past the time it should have been done: end it, keep what it sent. */
  private onBlocked(index: number, lastHeardAt: number): void {
    this.pool?.end(index);
    this.failures.blocked(index, lastHeardAt, workerShare(this.p.planned, index, this.p.workers));
    this.settle(index);
  }

  /** Worker `index` will send nothing more; false when it was already settled. */
  private settle(index: number): boolean {
    if (!this.pending?.settle(index)) return false;
    this.p.metrics.workerGone(index);
    if (this.pending.count === 0) this.finish?.();
    return true;
  }

  private onFailure(err: VolleyError | EngineError): void {
    if (this.init) return this.init.fail(err);
    if (this.p.outcome.engineFailed) return;
    this.p.outcome.engineFailed = true;
    this.p.log.write(`engine failure: ${err.message}\n`);
    this.stop(true);
  }

  private addErrors(e: IterationErrorCount): void {
    const known = this.errors.get(e.message);
    if (known) known.count += e.count;
    else this.errors.set(e.message, { ...e });
  }
}

/** When the last scenario's schedule ends, gracefulStop included (ms from the start; Infinity when one runs until stopped). */
function plannedEndMs(planned: readonly PlannedScenario[]): number {
  return Math.max(0, ...planned.map((s) => s.scenario.startTimeMs + s.plan.maxDurationMs));
}

function maxGracefulStopMs(planned: readonly PlannedScenario[]): number {
  return Math.max(0, ...planned.map((s) => s.scenario.gracefulStopMs));
}
