/**
 * `volley`: the module scenarios import. Only what is VU-independent lives here (types, metric
 * constructors, SharedArray, open, the run-wide env, textSummary); everything that must know its
 * VU (http, check, group, sleep, ...) comes from the iteration context (DESIGN.md).
 */
export { Counter, Gauge, Rate, Trend } from './metrics.js';
export { SharedArray, open } from './open.js';
export { runtimeEnv as env } from './runtime.js';
export { textSummary } from '../outputs/text-summary.js';

export type {
  Iteration,
  IterationFunction,
  SetupContext,
  TeardownContext,
  BaseContext,
  VuInfo,
  ScenarioInfo,
  InstanceInfo,
  Checkers,
  MetricsRecorder,
  TestControl,
  SummaryResult,
} from './context.js';
export type { Http, Params, Response, RequestBody, Timings } from './http.js';
export type {
  Options,
  Duration,
  Stage,
  ScenarioOptions,
  ThresholdSpec,
  SharedIterationsOptions,
  PerVuIterationsOptions,
  ConstantVusOptions,
  RampingVusOptions,
  ConstantArrivalRateOptions,
  RampingArrivalRateOptions,
  ExternallyControlledOptions,
} from '../config/options.js';
export type { SummaryData, SummaryMetric, SummaryGroup, SummaryCheck, SummaryScope } from '../outputs/summary-data.js';
export type { TextSummaryOptions } from '../outputs/text-summary.js';
export type { MetricDef, MetricKind } from '../metrics/metric.js';
