/**
 * The executor seam. An executor turns one scenario's options into work: the coordinator calls
 * `parse`, `plan` and `split` (pure, on plain JSON), and each worker calls `run` on its share.
 * Config objects are plain JSON so they cross the thread boundary unchanged.
 */
import type { ConfigIssue } from '../errors.js';
import type { Segment } from './segment.js';

/** Monotonic time in milliseconds since an arbitrary origin, and sleeping on it. */
export interface Clock {
  now(): number;
  /** Resolves at `atMs` (clock time) or when `signal` aborts, whichever is first. */
  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void>;
}

/** What the coordinator learns about a scenario before running it. */
export interface ExecutionPlan {
  /** VUs the scenario needs at most (pre-allocated in the workers, unless `initialVUs` says fewer). */
  maxVUs: number;
  /** VUs made before the start, when fewer than maxVUs: the executor makes the rest on demand (ExecutorContext.addVu). */
  initialVUs?: number;
  /** Longest possible run time of the scenario, graceful stop included, from its startTime. */
  maxDurationMs: number;
  /** The iterations the scenario runs in all, when it runs a fixed number (shared-iterations, per-vu-iterations): what its progress counts towards. */
  iterations?: number;
}

/** One VU as an executor sees it. */
export interface VuHandle {
  /**
   * Runs one iteration; never rejects (errors are counted by the VU). Resolves promptly once
   * interrupted. `scheduledAtMs` (clock time), given by arrival-rate executors, records
   * `iteration_start_lag`: the actual start minus the scheduled one.
   */
  runIteration(scheduledAtMs?: number): Promise<void>;
  /**
   * Interrupts the running iteration only (in-flight requests are aborted, it is not counted); the
   * VU can run again later. For `gracefulRampDown` and VUs returned to a pool.
   */
  interruptIteration(): void;
  /** Interrupts the running iteration (in-flight requests are aborted) and any later one. */
  interrupt(): void;
}

/** What an executor's `run` gets inside a worker. */
export interface ExecutorContext {
  readonly vus: readonly VuHandle[];
  readonly clock: Clock;
  /** Aborts when the run is asked to stop gracefully: start no new iterations. */
  readonly stopping: AbortSignal;
  /** Aborts when the run must stop at once. */
  readonly hardStop: AbortSignal;
  readonly gracefulStopMs: number;
  /**
   * Reports how many of `vus` are active now (the `vus` metric). Executors whose VU count changes
   * (ramping, arrival rates, externally-controlled) call this; one that has not called it by its
   * first await has all of its VUs counted active.
   */
  setActiveVUs(count: number): void;
  /** Records iterations that could not start at their scheduled time because no VU was free (`dropped_iterations`). */
  dropIterations(count: number): void;
  /**
   * Says an iteration found no free VU with all `maxVUs` (the whole scenario's) active: k6's
   * "Insufficient VUs" warning, which the engine prints once per scenario however often this is called.
   */
  insufficientVUs(maxVUs: number): void;
  /** Changes made through the control API while the run goes on (`externally-controlled` reads it; others may ignore it). */
  readonly control?: ExternalControl;
  /**
   * Makes one more VU (appended to `vus`) for an executor whose plan has fewer `initialVUs` than
   * maxVUs; false once `vus` holds this worker's share of maxVUs.
   */
  addVu?(): boolean;
}

/** One step of a stepped arrival rate (`volley capacity`): `rate` iterations/s over the whole test, from `startMs` for `durationMs`. */
export interface RateStep {
  index: number;
  rate: number;
  /** Clock time (ms since the run's start) at which the step begins; announced before it. */
  startMs: number;
  durationMs: number;
}

/**
 * What the control API (`PATCH /v1/status`) has asked of this worker's share of a scenario, and
 * when that changes. Plain state plus one listener list: the executor reads it, nothing polls.
 */
export interface ExternalControl {
  /** This worker's share of the scenario's VU target. */
  readonly vus: number;
  /** True while the run is paused (no iteration starts anywhere; running ones finish). */
  readonly paused: boolean;
  /** The latest rate step announced for this scenario (`volley capacity`); undefined before the first. */
  readonly step: RateStep | undefined;
  /** Calls `listener` after every change; returns the function that removes it. */
  onChange(listener: () => void): () => void;
}

/** The parsed executor fields plus what the engine needs from them. */
export interface ExecutorDefinition<C extends object> {
  readonly type: string;
  /** An executor the engine uses itself (volley capacity's), not one a script's options may name. */
  readonly internal?: true;
  /** Fields this executor accepts beyond the common scenario fields (for "unknown field" issues). */
  readonly fields: readonly string[];
  /** Validates and defaults this executor's fields of a raw scenario; `path` names it in issues. */
  parse(raw: Readonly<Record<string, unknown>>, path: string, issues: ConfigIssue[]): C;
  plan(config: C, gracefulStopMs: number): ExecutionPlan;
  /** The share of the scenario that one segment (one worker, or one machine) runs. */
  split(config: C, segment: Segment): C;
  /** Runs this worker's share. Resolves when the share is done and no iteration is in flight. */
  run(config: C, ctx: ExecutorContext): Promise<void>;
}
