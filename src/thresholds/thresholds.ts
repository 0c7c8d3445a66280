/**
 * All thresholds of a run, parsed once: the coordinator evaluates them live on every window
 * (`final: false`, for abortOnFail) and once at the end (`final: true`), and the summary reports
 * the per-key results. Evaluation reads aggregates through a lookup, so this file knows nothing of
 * how series are merged or windowed.
 */
import { ConfigError } from '../errors.js';
import type { ConfigIssue } from '../errors.js';
import type { ResolvedThreshold } from '../config/options.js';
import type { AggregateView } from '../metrics/aggregate-view.js';
import { readMetricKey, readThresholdExpression } from './parse.js';
import type { MetricKey, ThresholdExpr } from './parse.js';
import { evaluateThreshold } from './evaluate.js';
import type { EvaluateOptions } from './evaluate.js';

/**
 * The aggregate of `metric` restricted to series whose tags match `filter` (all of them for an
 * empty filter), over the last `windowMs` when a threshold has a window, else over the whole run;
 * undefined when nothing matches yet.
 */
export type AggregateLookup = (
  metric: string,
  filter: Readonly<Record<string, string>>,
  windowMs: number | undefined,
) => AggregateView | undefined;

/** One threshold's result, in the shape the summary and the abort logic need. */
export interface ThresholdResult {
  /** The key as written: `http_req_duration{status:200}`. */
  readonly key: string;
  readonly expression: string;
  readonly ok: boolean;
  /** The aggregated value compared (p(95)=25.9); undefined when not evaluated (no samples, live). */
  readonly observed: number | undefined;
  readonly abortOnFail: boolean;
  readonly delayAbortEvalMs: number;
}

/** A threshold entry in `SummaryMetric.thresholds`: k6's `{ ok }`, plus the value it compared. */
export interface SummaryThresholdEntry {
  ok: boolean;
  observed?: number;
}

interface Entry {
  readonly spec: ResolvedThreshold;
  readonly key: MetricKey;
  readonly expr: ThresholdExpr;
}

/** The parsed thresholds of one run. */
export class Thresholds {
  private readonly entries: readonly Entry[];

  private constructor(entries: readonly Entry[]) {
    this.entries = entries;
  }

  /** Parses every threshold; throws one ConfigError listing every unparseable key and expression. */
  static from(specs: readonly ResolvedThreshold[]): Thresholds {
    const issues: ConfigIssue[] = [];
    const entries: Entry[] = [];
    const seen = new Map<string, number>();
    for (const spec of specs) {
      const index = seen.get(spec.metric) ?? 0;
      seen.set(spec.metric, index + 1);
      const path = `options.thresholds[${JSON.stringify(spec.metric)}]`;
      const key = readMetricKey(spec.metric);
      const expr = readThresholdExpression(spec.expression);
      if (!key.ok && index === 0) issues.push({ path, message: key.message });
      if (!expr.ok) issues.push({ path: `${path}[${index}]`, message: expr.message });
      if (key.ok && expr.ok) entries.push({ spec, key: key.value, expr: expr.value });
    }
    if (issues.length > 0) throw new ConfigError(issues);
    return new Thresholds(entries);
  }

  /** How many thresholds the run has. */
  get size(): number {
    return this.entries.length;
  }

  /** The distinct keys, in the order first written (what a summary must include even without samples). */
  keys(): { key: string; metric: string; filter: Readonly<Record<string, string>> }[] {
    const byKey = new Map<string, MetricKey>();
    for (const e of this.entries) if (!byKey.has(e.spec.metric)) byKey.set(e.spec.metric, e.key);
    return [...byKey].map(([key, k]) => ({ key, metric: k.metric, filter: k.filter }));
  }

  /** The keys whose thresholds have a `window`, with its length (what the run must keep per second). */
  windowed(): { metric: string; filter: Readonly<Record<string, string>>; windowMs: number }[] {
    return this.entries.flatMap(({ spec, key }) => (spec.windowMs === undefined ? [] : [{ metric: key.metric, filter: key.filter, windowMs: spec.windowMs }]));
  }

  /** True when some threshold may stop the run (abortOnFail): only then are they judged live. */
  get anyAbortOnFail(): boolean {
    return this.entries.some((e) => e.spec.abortOnFail);
  }

  /** Evaluates every threshold against the lookup's aggregates, in the order they were written. */
  evaluate(lookup: AggregateLookup, opts: EvaluateOptions = {}): ThresholdResult[] {
    return this.entries.map(({ spec, key, expr }) => {
      const outcome = evaluateThreshold(expr, lookup(key.metric, key.filter, spec.windowMs), opts);
      return {
        key: spec.metric,
        expression: spec.expression,
        ok: outcome.ok,
        observed: outcome.observed,
        abortOnFail: spec.abortOnFail,
        delayAbortEvalMs: spec.delayAbortEvalMs,
      };
    });
  }
}

/**
 * The failed abortOnFail thresholds that may stop the run now: as k6, a threshold with
 * `delayAbortEval` aborts only once the run has lasted longer than that delay. Empty: keep going.
 */
export function abortingFailures(results: readonly ThresholdResult[], elapsedMs: number): ThresholdResult[] {
  return results.filter((r) => !r.ok && r.abortOnFail && (r.delayAbortEvalMs === 0 || elapsedMs > r.delayAbortEvalMs));
}

/** True when every threshold held (the run's exit code is 99 otherwise). */
export function allPassed(results: readonly ThresholdResult[]): boolean {
  return results.every((r) => r.ok);
}

/**
 * Results grouped as `SummaryMetric.thresholds` wants them: per key, per expression. A run's
 * aggregates are keyed the same way (`http_req_duration{status:200}`), so the summary builder can
 * attach each group to its metric entry.
 */
export function summaryThresholds(results: readonly ThresholdResult[]): Record<string, Record<string, SummaryThresholdEntry>> {
  const out: Record<string, Record<string, SummaryThresholdEntry>> = {};
  for (const r of results) {
    const group = (out[r.key] ??= {});
    group[r.expression] = r.observed === undefined ? { ok: r.ok } : { ok: r.ok, observed: r.observed };
  }
  return out;
}
