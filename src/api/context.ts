/**
 * The iteration context: everything that must know which VU is calling reaches the scenario
 * through this argument (DESIGN.md), which keeps AsyncLocalStorage off the hot path and gives
 * TypeScript the types of `data` and `env`.
 */
import type { ClientApis } from '../clients/registry.js';
import type { MetricDef } from '../metrics/metric.js';

/** The calling VU (k6's `exec.vu`). */
export interface VuInfo {
  /** Unique across the whole test, from 1. */
  readonly idInTest: number;
  /** Unique within this worker, from 1. */
  readonly idInInstance: number;
  /** This iteration's number among the calling VU's iterations in its scenario, from 0. */
  readonly iterationInScenario: number;
  /** This iteration's number among the calling VU's iterations in this worker, from 0. */
  readonly iterationInInstance: number;
  /** Per-VU state that survives between iterations (module-level variables are shared by a worker's VUs). */
  readonly state: Record<string, unknown>;
}

/** The scenario the iteration belongs to (k6's `exec.scenario`). */
export interface ScenarioInfo {
  readonly name: string;
  readonly executor: string;
  /** Unix ms when the scenario started. */
  readonly startTime: number;
  /**
   * This iteration's number in the scenario across the whole test (every worker), from 0, never
   * used twice, fixed for the iteration (k6's). shared-iterations uses exactly 0 … iterations−1.
   */
  readonly iterationInTest: number;
  /** 0..1, how far the scenario has come (by time for time-bound executors). */
  readonly progress: number;
}

/** This worker (k6's `exec.instance`). */
export interface InstanceInfo {
  readonly vusActive: number;
  readonly vusInitialized: number;
  readonly iterationsCompleted: number;
  readonly iterationsInterrupted: number;
  /** Ms since the test started. */
  readonly currentTestRunDuration: number;
}

/** Named predicates over a value: `{ 'status is 200': (r) => r.status === 200 }`. */
export type Checkers<T> = Record<string, (value: T) => boolean>;

/** Records custom metrics with the calling VU's scenario and group tags. */
export interface MetricsRecorder {
  add(metric: MetricDef, value: number | boolean, tags?: Record<string, string>): void;
}

/** Stops the test or marks it failed (k6's `exec.test`). */
export interface TestControl {
  /** Stops the whole test now; exit code 108. */
  abort(reason?: string): never;
  /** Marks the test failed and lets it run to the end; exit code 110. */
  fail(reason?: string): void;
}

/**
 * What every context (setup, iteration, teardown) holds: a client per protocol (`http`: k6's
 * `k6/http`; `ws`: k6's `k6/websockets`; src/clients/registry.ts lists them), and the VU's helpers.
 */
export interface BaseContext extends ClientApis {
  /** Runs every checker on `value`, records each in `checks`, and returns true when all pass. */
  check<T>(value: T, checkers: Checkers<T>, tags?: Record<string, string>): boolean;
  /** Runs `fn` inside a group (tags its samples, records group_duration). Groups in one VU are sequential. */
  group<R>(name: string, fn: () => Promise<R> | R): Promise<R>;
  /** Waits `seconds` (fractions allowed); must be awaited. */
  sleep(seconds: number): Promise<void>;
  /** console.log prefixed with this VU's id. */
  log(...args: unknown[]): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly metrics: MetricsRecorder;
  readonly test: TestControl;
  readonly scenario: ScenarioInfo;
  readonly instance: InstanceInfo;
}

/** The argument of the default export (and of any `exec` function): the VU's context. */
export interface Iteration<D = undefined> extends BaseContext {
  readonly vu: VuInfo;
  /** setup()'s result, JSON round-tripped; each VU has its own copy. */
  readonly data: D;
}

/** The argument of `setup()`; its requests are tagged group `::setup`. */
export type SetupContext = BaseContext;

/** The argument of `teardown()`. */
export interface TeardownContext<D = undefined> extends BaseContext {
  readonly data: D;
}

/** What `handleSummary` returns: `stdout`, `stderr`, or file paths → content. */
export type SummaryResult = Record<string, string | Uint8Array>;

/** The iteration function a scenario exports. */
export type IterationFunction<D = undefined> = (ctx: Iteration<D>) => Promise<void> | void;

/** Marks a module-level metric reference (for `metrics.add`). */
export type { MetricDef };
