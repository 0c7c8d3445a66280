/**
 * The running phase: starts the load workers, hands each its share, aligns their start, merges the
 * snapshots they send, and ends when every worker is done — or stops them on request. It never
 * throws for something a worker did after init: that is recorded in the RunOutcome, so the summary
 * is still written.
 */
import type { Writable } from 'node:stream';
import type { FromWorker, IterationCounts, IterationErrorCount, ToWorker } from '../ipc/messages.js';
import type { ResolvedOptions } from '../config/options.js';
import { EngineError, VolleyError, deserializeError } from '../errors.js';
import type { RunMetrics } from './run-metrics.js';
import type { RunOutcome } from './exit-code.js';
import { workerShare, type PlannedScenario } from './plan.js';
import { WorkerPool } from './worker-pool.js';
import { markStartup } from './startup-trace.js';
import { releaseWarmThreads } from './warm-threads.js';

/** How long workers get to report after a hard stop before they are terminated. */
const HARD_STOP_GRACE_MS = 3000;
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
  /** Summed over the workers that reported (one terminated after a hard stop does not). */
  iterations: IterationCounts;
}

export class LiveRun {
  private readonly p: LiveRunParams;
  private pool: WorkerPool | undefined;
  private readonly errors = new Map<string, IterationErrorCount>();
  private readonly iterations: IterationCounts = { complete: 0, interrupted: 0 };
  /** The keys of the workers' warnings already printed: each is said once per run. */
  private readonly warned = new Set<string>();
  private pendingDone = 0;
  private finish: (() => void) | undefined;
  private initFailed: ((err: VolleyError) => void) | undefined;
  private hardTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private startedAtMs = 0;
  /** Counts a worker's `ready`; replaced by run() with the one that resolves once all are ready. */
  private onReady: () => void = () => {};

  constructor(params: LiveRunParams) {
    this.p = params;
  }

  /** Starts the workers, waits until all are ready (init errors throw here), runs, and resolves when all are done. */
  async run(): Promise<LiveRunResult> {
    const { p } = this;
    let ready = 0;
    const allReady = new Promise<void>((resolve, reject) => {
      this.initFailed = reject;
      this.onReady = () => ++ready === p.workers && resolve();
    });
    const allDone = new Promise<void>((resolve) => (this.finish = resolve));
    this.pendingDone = p.workers;
    markStartup('workers-spawning');
    this.pool = new WorkerPool(p.workers, { onMessage: (m) => this.onMessage(m), onFailure: (e) => this.onFailure(e) }, p.log);
    void releaseWarmThreads(); // the plan needed fewer load threads than were started ahead
    try {
      for (let i = 0; i < p.workers; i++) this.pool.send(i, this.initMessage(i));
      await allReady;
      markStartup('workers-ready');
      this.initFailed = undefined;
      if (!this.stopped) {
        this.startedAtMs = Date.now() + startLeadMs(p.workers);
        p.metrics.start(this.startedAtMs, Array.from({ length: p.workers }, (_, i) => i));
        p.onStart?.(this.startedAtMs);
        this.pool.broadcast({ type: 'start', epochMs: this.startedAtMs });
        markStartup('first-start');
        await allDone;
      }
    } finally {
      clearTimeout(this.hardTimer);
      await this.pool.close();
    }
    return { startedAtMs: this.startedAtMs || Date.now(), endedAtMs: Date.now(), errors: [...this.errors.values()], iterations: { ...this.iterations } };
  }

  /** Graceful: no new iterations, running ones get gracefulStop. Hard: interrupt now; terminate past a short grace. */
  stop(hard: boolean): void {
    this.stopped = true;
    this.pool?.broadcast({ type: 'stop', reason: 'signal', hard });
    if (hard && !this.hardTimer) this.hardTimer = setTimeout(() => this.finish?.(), HARD_STOP_GRACE_MS);
    if (this.initFailed) this.finish?.();
  }

  /** The number of load workers. */
  get workers(): number {
    return this.p.workers;
  }

  /** Sends one worker a message (the control API's per-worker shares); dropped before the workers exist. */
  tell(workerId: number, msg: ToWorker): void {
    this.pool?.send(workerId, msg);
  }

  private initMessage(workerId: number): ToWorker {
    const { p } = this;
    return { type: 'init', workerId, bundlePath: p.bundlePath, scriptPath: p.scriptPath, options: p.options, scenarios: workerShare(p.planned, workerId, p.workers), env: p.env, setupData: p.setupData };
  }

  private onMessage(msg: FromWorker): void {
    this.p.observe?.(msg);
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
        this.p.metrics.workerGone(msg.workerId);
        for (const e of msg.errors) this.addErrors(e);
        this.iterations.complete += msg.iterations.complete;
        this.iterations.interrupted += msg.iterations.interrupted;
        if (--this.pendingDone === 0) this.finish?.();
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
    if (this.initFailed) return this.initFailed(err);
    this.p.log.write(`${err.message}\n`);
    if (fatal) this.onFailure(err);
  }

  private onFailure(err: VolleyError | EngineError): void {
    if (this.initFailed) return this.initFailed(err);
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
