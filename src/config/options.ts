/**
 * The options object a scenario exports, in k6's shape, and the resolved form the engine runs.
 * Users write `Options`; config/consolidate.ts turns flags, VOLLEY_* variables and `Options` into
 * `ResolvedOptions`, the only form the coordinator and workers see (plain JSON, durations in ms).
 */

/**
 * A duration as k6 reads it: '30s', '1m30s', '1d2h', '.5s', '250ms', '100us', or a number of
 * milliseconds (also as a string: '5000' is 5 s).
 */
export type Duration = string | number;

/** `{ duration: '30s', target: 20 }` */
export interface Stage {
  duration: Duration;
  target: number;
}

/** Fields every executor accepts (k6's common scenario options). */
export interface BaseScenarioOptions {
  executor: string;
  startTime?: Duration;
  gracefulStop?: Duration;
  exec?: string;
  env?: Record<string, string>;
  tags?: Record<string, string>;
}

export interface SharedIterationsOptions extends BaseScenarioOptions {
  executor: 'shared-iterations';
  vus?: number;
  iterations?: number;
  maxDuration?: Duration;
}
export interface PerVuIterationsOptions extends BaseScenarioOptions {
  executor: 'per-vu-iterations';
  vus?: number;
  iterations?: number;
  maxDuration?: Duration;
}
export interface ConstantVusOptions extends BaseScenarioOptions {
  executor: 'constant-vus';
  vus?: number;
  duration: Duration;
}
export interface RampingVusOptions extends BaseScenarioOptions {
  executor: 'ramping-vus';
  startVUs?: number;
  stages: Stage[];
  gracefulRampDown?: Duration;
}
export interface ConstantArrivalRateOptions extends BaseScenarioOptions {
  executor: 'constant-arrival-rate';
  rate: number;
  timeUnit?: Duration;
  duration: Duration;
  preAllocatedVUs: number;
  maxVUs?: number;
}
export interface RampingArrivalRateOptions extends BaseScenarioOptions {
  executor: 'ramping-arrival-rate';
  startRate?: number;
  timeUnit?: Duration;
  stages: Stage[];
  preAllocatedVUs: number;
  maxVUs?: number;
}
export interface ExternallyControlledOptions extends BaseScenarioOptions {
  executor: 'externally-controlled';
  vus?: number;
  maxVUs?: number;
  duration?: Duration;
}

/** One entry of `options.scenarios`. */
export type ScenarioOptions =
  | SharedIterationsOptions
  | PerVuIterationsOptions
  | ConstantVusOptions
  | RampingVusOptions
  | ConstantArrivalRateOptions
  | RampingArrivalRateOptions
  | ExternallyControlledOptions;

/** A threshold: the expression alone, or with k6's abort settings (and volley's sliding `window`). */
export type ThresholdSpec =
  | string
  | { threshold: string; abortOnFail?: boolean; delayAbortEval?: Duration; window?: Duration };

/** What `export const options` may hold (k6's names). */
export interface Options {
  vus?: number;
  duration?: Duration;
  iterations?: number;
  stages?: Stage[];
  scenarios?: Record<string, ScenarioOptions>;
  thresholds?: Record<string, ThresholdSpec[]>;
  tags?: Record<string, string>;
  summaryTrendStats?: string[];
  /** Prints every time in the summary in this unit (`s`, `ms` or `us`) rather than each in its own. */
  summaryTimeUnit?: 's' | 'ms' | 'us';
  discardResponseBodies?: boolean;
  maxRedirects?: number;
  userAgent?: string;
  setupTimeout?: Duration;
  teardownTimeout?: Duration;
  noConnectionReuse?: boolean;
  insecureSkipTLSVerify?: boolean;
}

/** The units the summary may print every time in (k6's). */
export const SUMMARY_TIME_UNITS = ['s', 'ms', 'us'] as const;
export type SummaryTimeUnit = (typeof SUMMARY_TIME_UNITS)[number];

/** A scenario after consolidation: executor-specific fields stay in `config`, parsed by its executor. */
export interface ResolvedScenario {
  name: string;
  executor: string;
  /** Executor-specific, validated and defaulted by the executor's `parse`; plain JSON. */
  config: Record<string, unknown>;
  startTimeMs: number;
  gracefulStopMs: number;
  exec: string;
  env: Record<string, string>;
  tags: Record<string, string>;
}

/** A threshold as the coordinator evaluates it. */
export interface ResolvedThreshold {
  /** The key as written: `http_req_duration{status:200}`. */
  metric: string;
  expression: string;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
  windowMs: number | undefined;
}

/** Everything the engine needs, resolved from flags > VOLLEY_* env > script options > defaults. */
export interface ResolvedOptions {
  scenarios: ResolvedScenario[];
  thresholds: ResolvedThreshold[];
  noThresholds: boolean;
  tags: Record<string, string>;
  summaryTrendStats: string[];
  summaryTimeUnit: SummaryTimeUnit | null;
  discardResponseBodies: boolean;
  maxRedirects: number;
  userAgent: string;
  setupTimeoutMs: number;
  teardownTimeoutMs: number;
  noConnectionReuse: boolean;
  insecureSkipTLSVerify: boolean;
}
