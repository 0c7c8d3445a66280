/**
 * The only types that cross the thread boundary between the coordinator (main thread) and the
 * workers and the lifecycle worker. Structured-clone safe: no functions, no class instances.
 * Nothing is sent per request or per iteration; metrics travel as one snapshot per second.
 */
import type { SerializedError } from '../errors.js';
import type { ResolvedOptions } from '../config/options.js';
import type { IterationStripe } from '../executors/iteration-stripe.js';
import type { RateStep } from '../executors/types.js';

/** One series' delta (worker → coordinator) for one window. Trend histograms travel encoded. */
export type SeriesSnapshot = { metric: string; tags: [string, string][] } & (
  | { kind: 'trend'; hdr: Uint8Array; count: number; min: number; max: number; sum: number }
  | { kind: 'counter'; sum: number }
  | { kind: 'rate'; hits: number; total: number }
  | { kind: 'gauge'; last: number; min: number; max: number }
);

/** A custom metric a script created in init code: the coordinator learns its type from this. */
export interface MetricDecl {
  name: string;
  kind: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: 'default' | 'time' | 'data';
}

/** One scenario's share of the work, as one worker runs it. */
export interface WorkerScenario {
  name: string;
  executor: string;
  /** The executor's config already split for this worker (plain JSON). */
  config: Record<string, unknown>;
  /** VUs this worker may run for the scenario (its executor's plan of the split config). */
  vus: number;
  /** VUs made before the start when fewer than `vus` (the rest are made on demand); absent: all of them. */
  initialVus?: number;
  /** idInTest of this worker's first VU in this scenario, minus one. */
  vuIdBase: number;
  /** The scenario's iterations this worker numbers (`scenario.iterationInTest`), disjoint from other workers'. */
  iterationStripe: IterationStripe;
  startTimeMs: number;
  gracefulStopMs: number;
  /** The scenario's planned length without its graceful stop (for `scenario.progress`). */
  durationMs: number;
  exec: string;
  env: Record<string, string>;
  tags: Record<string, string>;
}

/**
 * What a load thread is given when it starts (its workerData), before it knows the run. It warms
 * its request path while it waits (worker/warm-up.ts), up to WARM_UP_REQUESTS, unless told the run
 * is shorter than that: there the warm-up's CPU would only slow the rest of the start-up.
 */
export interface LoadThreadData {
  warmUp: boolean;
}
export const WARM_UP_REQUESTS = 4000;

/** Why a run stops early. */
export type StopReason = 'signal' | 'threshold' | 'abort';

export type ToWorker =
  | {
      type: 'init';
      workerId: number;
      bundlePath: string;
      scriptPath: string;
      options: ResolvedOptions;
      scenarios: WorkerScenario[];
      env: Record<string, string>;
      setupData: string | undefined;
    }
  | { type: 'start'; epochMs: number }
  /** Graceful (`hard: false`): start no new iterations, let running ones finish within gracefulStop. */
  | { type: 'stop'; reason: StopReason; hard: boolean }
  /**
   * The control API changed the run: pause or resume every scenario, and/or set this worker's share
   * of an externally controlled scenario's VU target; or `volley capacity` announced a scenario's
   * next rate step (each worker takes its stripe of the whole rate). Answered by `controlApplied` with the same seq.
   */
  | { type: 'control'; seq: number; paused?: boolean; vus?: { scenario: string; share: number }; step?: { scenario: string; step: RateStep } }
  /** Leave the event loop so the thread exits by itself, delivering its remaining output. */
  | { type: 'exit' };

/** Iterations that ran to their end (whether or not they threw) and iterations cut short by a stop or interrupt (k6's full and partial iterations). */
export interface IterationCounts {
  complete: number;
  interrupted: number;
}

/** An error an iteration threw, counted per distinct message within a worker. */
export interface IterationErrorCount {
  message: string;
  location: string | undefined;
  count: number;
}

export type FromWorker =
  | { type: 'ready'; workerId: number; vus: number; metrics: MetricDecl[] }
  /**
   * `scenarioVUs`: the active VUs of each of the worker's scenarios, in the init message's order;
   * `eventLoopBusy`: the share of the window the worker's event loop was busy (its utilisation, 0–1).
   */
  | { type: 'snapshot'; workerId: number; seq: number; fromMs: number; toMs: number; activeVUs: number; scenarioVUs: number[]; eventLoopBusy?: number; series: SeriesSnapshot[] }
  | { type: 'error'; workerId: number; error: SerializedError; fatal: boolean }
  /** The script called `test.abort()` (stop the run, exit 108) or `test.fail()` (mark failed, exit 110). */
  | { type: 'testControl'; workerId: number; action: 'abort' | 'fail'; reason: string }
  /** A warning for the user, printed by the coordinator once per `key` however many workers send it (e.g. running out of file descriptors). */
  | { type: 'warning'; workerId: number; key: string; message: string }
  /** A `control` message took effect; `activeVUs` is the worker's count right after it. */
  | { type: 'controlApplied'; workerId: number; seq: number; activeVUs: number }
  | { type: 'done'; workerId: number; final: SeriesSnapshot[]; fromMs: number; toMs: number; errors: IterationErrorCount[]; iterations: IterationCounts }
  /**
   * The thread is ending before `done` (the script called process.exit(), or an error nobody
   * caught): what it recorded since its last snapshot, sent synchronously from process 'exit'.
   * `location` is the script's line that called process.exit, when the call came from there.
   */
  | { type: 'exiting'; workerId: number; final: SeriesSnapshot[]; fromMs: number; toMs: number; errors: IterationErrorCount[]; iterations: IterationCounts; code: number; location: string | undefined };

/** Requests to the lifecycle worker, which runs the script's non-VU code: options, setup, teardown, handleSummary. */
export type ToLifecycle =
  | { type: 'load'; bundlePath: string; scriptPath: string; env: Record<string, string> }
  | { type: 'setup'; options: ResolvedOptions }
  | { type: 'teardown'; options: ResolvedOptions; setupData: string | undefined }
  | { type: 'handleSummary'; summaryJson: string }
  | { type: 'exit' };

export type FromLifecycle =
  | { type: 'loaded'; options: unknown; exports: string[]; metrics: MetricDecl[] }
  | { type: 'setupDone'; setupData: string | undefined; final: SeriesSnapshot[] }
  | { type: 'teardownDone'; final: SeriesSnapshot[] }
  | { type: 'summaryDone'; handled: boolean; files: Record<string, string | Uint8Array> }
  | { type: 'testControl'; action: 'abort' | 'fail'; reason: string }
  | { type: 'error'; error: SerializedError };
