/**
 * The end-of-test summary data in the shape of k6's handleSummary data (DESIGN.md): what
 * `--summary-export` writes, what `handleSummary(data)` receives and what `textSummary` prints.
 */
import type { MetricKind, MetricContains } from '../metrics/metric.js';
import type { CapacityResult } from '../capacity/result.js';
import type { BreakingPoint } from '../coordinator/breaking-point.js';

export interface SummaryMetric {
  type: MetricKind;
  contains: MetricContains;
  /** Trends: summaryTrendStats plus count; counters: count, rate; rates: rate, passes, fails; gauges: value, min, max. */
  values: Record<string, number>;
  /** Keyed by the expression as written: `{ "p(95)<300": { ok: true, observed: 25.9 } }` (observed is volley's addition). */
  thresholds?: Record<string, { ok: boolean; observed?: number }>;
}

export interface SummaryCheck {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

export interface SummaryGroup {
  name: string;
  path: string;
  id: string;
  groups: SummaryGroup[];
  checks: SummaryCheck[];
}

/** An error iterations threw, counted per distinct message (volley's addition to k6's shape). */
export interface SummaryIterationError {
  message: string;
  location?: string;
  count: number;
}

/**
 * A load worker the run lost (volley's addition): it `died` (the run stopped, exit 103), or it was
 * ended because an iteration never yielded (`hung`). `worker` counts from 1, `atMs` from the run's start.
 */
export interface WorkerFailure {
  worker: number;
  workers: number;
  atMs: number;
  kind: 'died' | 'hung';
  reason: string;
}

/**
 * One scenario's or group's own results, for `--summary-mode full` (volley's addition, as k6's
 * full summary reports them): its metrics (no sub-metrics; `checks` is in `checks`), its checks
 * by name, and its sub-groups by name.
 */
export interface SummaryScope {
  metrics: Record<string, SummaryMetric>;
  checks: SummaryCheck[];
  groups: Record<string, SummaryScope>;
}

export interface SummaryData {
  /** `iterations`: k6's end-of-run count of iterations that ran to their end (`complete`, throwing ones included) and that a stop or interrupt cut short (`interrupted`). */
  state: { testRunDurationMs: number; isStdOutTTY: boolean; isStdErrTTY: boolean; iterations: { complete: number; interrupted: number } };
  options: { summaryTrendStats: string[]; summaryTimeUnit: string | null; noColor: boolean };
  metrics: Record<string, SummaryMetric>;
  root_group: SummaryGroup;
  /** Present when iterations threw. */
  iteration_errors?: SummaryIterationError[];
  /** Present when the run lost a load worker. */
  worker_failures?: WorkerFailure[];
  /** `--summary-mode full` only: each top-level group over every scenario (its own samples, not its sub-groups'). */
  groups?: Record<string, SummaryScope>;
  /** `--summary-mode full` only: each scenario over all its samples, with its groups nested. */
  scenarios?: Record<string, SummaryScope>;
  /** `volley capacity` only: the search's result (DESIGN.md, "Capacity results"). */
  capacity?: CapacityResult;
  /** A run stopped by an abortOnFail threshold: when, and at what load, it broke. */
  breakingPoint?: BreakingPoint;
}
