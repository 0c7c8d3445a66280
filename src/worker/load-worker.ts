/**
 * The state of one load worker between `init` and `done`: the evaluated bundle, the metrics sink,
 * the scenario runners, the clock and the stop signals.
 */
import { pathToFileURL } from 'node:url';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { FromWorker, IterationCounts, ToWorker } from '../ipc/messages.js';
import type { IterationFunction } from '../api/context.js';
import { ScriptError } from '../errors.js';
import { BUILTIN } from '../metrics/builtin.js';
import { TagSet } from '../metrics/tags.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { clientOpeners } from '../clients/registry.js';
import { enterInit, leaveInit, runtime } from '../api/runtime.js';
import type { ContextServices } from './iteration-context.js';
import { IterationErrors } from './iteration-errors.js';
import { MonotonicClock, requestClock } from './clock.js';
import { Breather } from './breather.js';
import { ScenarioRunner } from './scenario-runner.js';
import { PauseGate } from './pause-gate.js';
import { describeScriptError, scriptLine } from './script-error.js';
import { UnawaitedWarnings } from './unawaited-warnings.js';
import { catchStrayErrors } from './stray-errors.js';
import { watchFdExhaustion } from './fd-exhaustion.js';

type InitMessage = Extract<ToWorker, { type: 'init' }>;
type ControlMessage = Extract<ToWorker, { type: 'control' }>;

export class LoadWorker {
  private readonly msg: InitMessage;
  private readonly send: (msg: FromWorker) => void;
  private readonly clock = new MonotonicClock();
  private readonly stopping = new AbortController();
  private readonly hardStop = new AbortController();
  private readonly gate = new PauseGate();
  private readonly metrics: WorkerMetrics;
  private readonly errors: IterationErrors;
  private readonly unawaited: UnawaitedWarnings;
  private readonly counters = { active: 0, initialized: 0, completed: 0, interrupted: 0 };
  private runners: ScenarioRunner[] = [];
  private epochMs = 0;
  private seq = 0;
  private windowStart = 0;
  /** Set once the last metrics left (`done` or `exiting`): nothing is sent after them. */
  private finished = false;

  constructor(msg: InitMessage, send: (msg: FromWorker) => void) {
    this.msg = msg;
    this.send = send;
    this.errors = new IterationErrors(msg.scriptPath);
    this.unawaited = new UnawaitedWarnings(msg.scriptPath, this.warn);
    this.metrics = new WorkerMetrics((name) =>
      console.warn(`warning: metric ${name} has more than 1000 tag sets; further ones are merged into name=__overflow__ (set a name tag, e.g. tags: { name: 'items' }, on URLs with ids)`),
    );
  }

  async init(): Promise<void> {
    const { msg } = this;
    // From the script's first line on: a stray rejection in init code counts too.
    catchStrayErrors((err, origin) => this.errors.recordStray(err, origin));
    enterInit(msg.scriptPath, msg.env);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(msg.bundlePath).href)) as Record<string, unknown>;
    } catch (err) {
      throw new ScriptError(describeScriptError('init', err, msg.scriptPath));
    } finally {
      leaveInit();
    }
    const services = this.services();
    const breather = new Breather();
    let idInInstance = 0;
    this.runners = msg.scenarios.map((scenario) => {
      const fn = mod[scenario.exec];
      if (typeof fn !== 'function') throw new ScriptError(`scenario ${scenario.name}: the script does not export a function named ${scenario.exec}`);
      const shared = {
        sink: this.metrics,
        errors: this.errors,
        now: () => this.clock.now(),
        breathe: () => breather.breathe(),
        gate: this.gate,
        unawaited: this.unawaited.forScenario(scenario.name),
        onIterationDone: (interrupted: boolean) => (interrupted ? this.counters.interrupted++ : this.counters.completed++),
      };
      const runner = new ScenarioRunner(scenario, fn as IterationFunction<unknown>, services, shared, msg.env, msg.options.tags, idInInstance, msg.setupData);
      // Ids are kept for the VUs a scenario may still make on demand (its share, not only those made now).
      idInInstance += scenario.vus;
      return runner;
    });
    this.counters.initialized = this.runners.reduce((n, r) => n + r.vus.length, 0);
    const metrics = [...runtime.metrics.values()].map(({ name, kind, contains }) => ({ name, kind, contains }));
    this.send({ type: 'ready', workerId: msg.workerId, vus: this.counters.initialized, metrics });
  }

  async start(epochMs: number): Promise<void> {
    this.epochMs = epochMs;
    this.clock.alignTo(epochMs);
    await this.clock.sleepUntil(0);
    const flusher = this.scheduleFlushes();
    const unwatch = watchFdExhaustion((message) => this.warn('fd-exhaustion', message));
    const hooks = {
      onActive: (delta: number) => {
        this.counters.active += delta;
        this.recordVus(); // a gauge sample at every change, so runs shorter than a flush still show their VUs
      },
      onCreated: () => {
        this.counters.initialized++;
        this.recordVus();
      },
      warn: this.warn,
    };
    const results = await Promise.allSettled(this.runners.map((r) => r.run(this.clock, this.stopping.signal, this.hardStop.signal, hooks)));
    clearTimeout(flusher.timer);
    this.unawaited.finish();
    unwatch();
    this.recordVus();
    this.finished = true;
    const toMs = this.epochMs + this.clock.now();
    const final = this.metrics.snapshot();
    this.send({ type: 'done', workerId: this.msg.workerId, final, fromMs: this.windowStart, toMs, errors: this.errors.list(), iterations: this.iterationCounts() });
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** A warning the coordinator prints once per `key`, whichever workers send it. */
  private readonly warn = (key: string, message: string): void => this.send({ type: 'warning', workerId: this.msg.workerId, key, message });

  /**
   * The thread is ending before `done` (process 'exit': the script called process.exit(), or an
   * error nobody caught). Sends what was recorded since the last snapshot, synchronously: a message
   * posted now still reaches the coordinator before it sees the thread's exit. Called from inside
   * process.exit, so the stack shows the script's line that called it.
   */
  sendLastMetrics(code: number): void {
    if (this.finished) return;
    this.finished = true;
    if (this.epochMs > 0) this.recordVus();
    const location = scriptLine(new Error().stack, this.msg.scriptPath);
    const toMs = this.epochMs + this.clock.now();
    this.send({ type: 'exiting', workerId: this.msg.workerId, final: this.metrics.snapshot(), fromMs: this.windowStart, toMs, errors: this.errors.list(), iterations: this.iterationCounts(), code, location });
  }

  private iterationCounts(): IterationCounts {
    return { complete: this.counters.completed, interrupted: this.counters.interrupted };
  }

  stop(hard: boolean): void {
    this.stopping.abort();
    this.gate.release();
    if (hard) {
      this.hardStop.abort();
      for (const runner of this.runners) for (const vu of runner.vus) vu.interrupt();
    }
  }

  /** Applies a control API change and answers with the active VU count right after it. */
  control(msg: ControlMessage): void {
    if (msg.paused !== undefined) this.gate.set(msg.paused);
    for (const runner of this.runners) {
      const vus = msg.vus?.scenario === runner.name ? msg.vus.share : undefined;
      const step = msg.step?.scenario === runner.name ? msg.step.step : undefined;
      runner.applyControl({ paused: msg.paused, vus, step });
    }
    this.send({ type: 'controlApplied', workerId: this.msg.workerId, seq: msg.seq, activeVUs: this.counters.active });
  }

  /** Sends a snapshot at every whole second of the run, so each covers one bucket. */
  private scheduleFlushes(): { timer: NodeJS.Timeout | undefined } {
    const handle: { timer: NodeJS.Timeout | undefined } = { timer: undefined };
    this.windowStart = this.epochMs;
    // The event loop's utilisation per window: how close this worker is to having no time to spare.
    let loop: EventLoopUtilization = performance.eventLoopUtilization();
    const next = () => {
      const now = this.clock.now();
      handle.timer = setTimeout(flush, Math.max(1, (Math.floor(now / 1000) + 1) * 1000 - now));
    };
    const flush = () => {
      this.recordVus();
      const toMs = this.epochMs + Math.round(this.clock.now() / 1000) * 1000;
      const series = this.metrics.snapshot();
      const scenarioVUs = this.runners.map((r) => r.activeVUs);
      const window = performance.eventLoopUtilization(loop);
      loop = performance.eventLoopUtilization();
      this.send({ type: 'snapshot', workerId: this.msg.workerId, seq: this.seq++, fromMs: this.windowStart, toMs, activeVUs: this.counters.active, scenarioVUs, eventLoopBusy: window.utilization, series });
      this.windowStart = toMs;
      next();
    };
    next();
    return handle;
  }

  private recordVus(): void {
    const tags = TagSet.of(this.msg.options.tags);
    this.metrics.add(BUILTIN.vus, this.counters.active, tags);
    this.metrics.add(BUILTIN.vus_max, this.counters.initialized, tags);
  }

  private services(): ContextServices {
    const { options, workerId } = this.msg;
    const counters = this.counters;
    const clock = this.clock;
    return {
      sink: this.metrics,
      clients: clientOpeners(options),
      now: requestClock,
      onTestControl: (action, reason) => {
        this.send({ type: 'testControl', workerId, action, reason });
        if (action === 'abort') this.stop(true);
      },
      instance: {
        get vusActive() { return counters.active; },
        get vusInitialized() { return counters.initialized; },
        get iterationsCompleted() { return counters.completed; },
        get iterationsInterrupted() { return counters.interrupted; },
        get currentTestRunDuration() { return Math.max(0, clock.now()); },
      },
    };
  }
}
