/**
 * One virtual user: runs the scenario's function once per `runIteration`, records `iterations`,
 * `iteration_duration` and (when the executor scheduled the start) `iteration_start_lag`, counts
 * exceptions, and can be interrupted (its in-flight requests are aborted and the iteration is
 * abandoned, not counted: k6's semantics) — for one iteration, or for good. An iteration whose
 * function settles while calls it did not await still run ends when they have ended (k6's event
 * loop; pending-calls.ts), and they are reported once per call site (unawaited-warnings.ts).
 */
import type { VuHandle } from '../executors/types.js';
import type { Iteration, IterationFunction } from '../api/context.js';
import type { MetricSink, SeriesRecorder } from '../metrics/sink.js';
import { BUILTIN } from '../metrics/builtin.js';
import type { OwnedContext } from './iteration-context.js';
import type { VuTagState } from './vu-tags.js';
import type { IterationErrors } from './iteration-errors.js';
import { TestAbortedError } from './test-abort.js';
import type { IterationSignal } from './iteration-signal.js';
import type { PauseGate } from './pause-gate.js';
import type { PendingCalls } from './pending-calls.js';
import type { UnawaitedReporter } from './unawaited-warnings.js';

/** What a VU shares with the other VUs of its scenario in this worker. */
export interface VuShared {
  readonly sink: MetricSink;
  readonly errors: IterationErrors;
  /** The worker clock's time (ms since the run's start), the timeline executors schedule on. */
  now(): number;
  /** Called after every finished iteration; lets the worker yield to its event loop when due. */
  breathe(): Promise<void> | undefined;
  onIterationDone(interrupted: boolean): void;
  /** The number, unique across the test, of the scenario iteration that starts now (`scenario.iterationInTest`). */
  nextIterationInTest(): number;
  /** Closed while the run is paused through the control API: no iteration starts. */
  readonly gate: PauseGate;
  /** Where iterations that ended with calls still running are reported. */
  readonly unawaited: UnawaitedReporter;
}

export class Vu implements VuHandle {
  readonly label: string;
  iterationInScenario = 0;
  /** The running (or last) iteration's number across the test; fixed from its start to its end. */
  iterationInTest = -1;
  private readonly fn: IterationFunction<unknown>;
  private readonly owned: OwnedContext;
  private readonly tags: VuTagState;
  private readonly abort: IterationSignal;
  private readonly shared: VuShared;
  private readonly pending: PendingCalls;
  private settle: (() => void) | undefined;
  /** Numbers iterations, so an abandoned one that finishes late cannot settle its successor. */
  private attempt = 0;
  private interrupted = false;
  /** Ends the wait of a VU parked at the closed pause gate (set only while it waits). */
  private unpark: (() => void) | undefined;
  private recorders: { iterations: SeriesRecorder; duration: SeriesRecorder; startLag: SeriesRecorder; key: string } | undefined;

  constructor(fn: IterationFunction<unknown>, owned: OwnedContext, tags: VuTagState, abort: IterationSignal, pending: PendingCalls, shared: VuShared, label: string) {
    this.fn = fn;
    this.pending = pending;
    this.owned = owned;
    this.tags = tags;
    this.abort = abort;
    this.shared = shared;
    this.label = label;
  }

  runIteration(scheduledAtMs?: number): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    if (this.shared.gate.closed) return this.afterPause(scheduledAtMs);
    return new Promise<void>((resolve) => {
      this.settle = resolve;
      const attempt = ++this.attempt;
      const started = this.shared.now();
      if (scheduledAtMs !== undefined) this.recordersFor().startLag.add(started - scheduledAtMs);
      this.iterationInScenario++;
      this.iterationInTest = this.shared.nextIterationInTest();
      let result: unknown;
      try {
        result = this.fn(this.owned.context as Iteration<unknown>);
      } catch (err) {
        this.returned(attempt, started, err, true);
        return;
      }
      if (result instanceof Promise) result.then(() => this.returned(attempt, started, undefined, false), (err: unknown) => this.returned(attempt, started, err, true));
      else this.returned(attempt, started, undefined, false);
    });
  }

  interruptIteration(): void {
    if (this.unpark) return this.unpark();
    if (this.interrupted || !this.settle) return;
    this.abort.abortIteration();
    this.abandon();
  }

  interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.unpark?.();
    this.abort.retire();
    this.abandon();
  }

  /** Waits while the run is paused, then runs the iteration; an interrupt meanwhile ends the wait with nothing run or counted. */
  private async afterPause(scheduledAtMs: number | undefined): Promise<void> {
    const opened = await new Promise<boolean>((resolve) => {
      this.unpark = () => resolve(false);
      void this.shared.gate.opened().then(resolve);
    });
    this.unpark = undefined;
    if (opened) return this.runIteration(scheduledAtMs);
  }

  /** Settles the running iteration as interrupted; its promise chain may still finish later, unrecorded. */
  private abandon(): void {
    const settle = this.settle;
    this.settle = undefined;
    if (settle) {
      this.shared.onIterationDone(true);
      settle();
    }
  }

  close(): Promise<void> {
    return this.owned.close();
  }

  /** The iteration's function settled: the iteration ends now, or once the calls it left running have ended. */
  private returned(attempt: number, started: number, err: unknown, failed: boolean): void {
    if (!this.settle || attempt !== this.attempt) return; // interrupted meanwhile: the VU has moved on
    const pending = this.pending;
    const traced = pending.tracing;
    const busy = pending.busy();
    const calls = traced ? pending.stopTracing() : [];
    if (!busy) return this.finish(attempt, started, err, failed);
    pending.tracing = this.shared.unawaited.report(calls, traced ? [] : pending.runningKinds());
    void pending.drained().then(() => this.finish(attempt, started, err, failed));
  }

  private finish(attempt: number, started: number, err: unknown, failed: boolean): void {
    const settle = this.settle;
    if (!settle || attempt !== this.attempt) return; // interrupted meanwhile: not counted
    this.settle = undefined;
    if (failed && !(err instanceof TestAbortedError)) this.shared.errors.record(err, this.label);
    const rec = this.recordersFor();
    rec.iterations.add(1);
    rec.duration.add(this.shared.now() - started);
    this.shared.onIterationDone(false);
    const pause = this.shared.breathe();
    if (pause) pause.then(settle);
    else settle();
  }

  private recordersFor(): NonNullable<Vu['recorders']> {
    // The iteration is recorded with the tags current at its end (the root group, normally).
    const key = this.tags.current.key;
    if (this.recorders?.key !== key) {
      const sink = this.shared.sink;
      const tags = this.tags.current;
      this.recorders = { key, iterations: sink.series(BUILTIN.iterations, tags), duration: sink.series(BUILTIN.iteration_duration, tags), startLag: sink.series(BUILTIN.iteration_start_lag, tags) };
    }
    return this.recorders;
  }
}
