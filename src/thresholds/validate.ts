/**
 * Checks `options.thresholds` against the grammar and the metrics the run knows, returning every
 * problem at once (STYLE rule 2): a bad key or metric is reported once for its key, a bad
 * expression or an aggregation its metric lacks once for each expression.
 */
import type { ConfigIssue } from '../errors.js';
import type { ResolvedThreshold } from '../config/options.js';
import type { MetricKind } from '../metrics/metric.js';
import { STATS_BY_KIND } from '../metrics/metric.js';
import { readMetricKey, readThresholdExpression } from './parse.js';
import type { Aggregation } from './parse.js';

/** Which kind a metric name is: built-in or declared in init code; undefined when neither. */
export type MetricKindLookup = (metricName: string) => MetricKind | undefined;

/** Every issue in the thresholds; paths read `options.thresholds["http_req_duration{status:200}"][0]`. */
export function validateThresholds(thresholds: readonly ResolvedThreshold[], kindOf: MetricKindLookup): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  for (const t of thresholds) {
    const index = seen.get(t.metric) ?? 0;
    seen.set(t.metric, index + 1);
    const keyPath = `options.thresholds[${JSON.stringify(t.metric)}]`;
    const target = index === 0 ? checkKey(t.metric, keyPath, kindOf, issues) : targetOf(t.metric, kindOf);
    checkExpression(t.expression, target, `${keyPath}[${index}]`, issues);
  }
  return issues;
}

/** The metric a key names and its kind, when both are known. */
interface Target {
  metric: string;
  kind: MetricKind;
}

/** Reports a bad key or unknown metric (once per key) and returns the metric when known. */
function checkKey(key: string, path: string, kindOf: MetricKindLookup, issues: ConfigIssue[]): Target | undefined {
  const parsed = readMetricKey(key);
  if (!parsed.ok) {
    issues.push({ path, message: parsed.message });
    return undefined;
  }
  const { metric } = parsed.value;
  const kind = kindOf(metric);
  if (kind === undefined) {
    issues.push({
      path,
      message:
        `metric "${metric}" is neither a built-in metric nor created by the script; ` +
        `create it in init code (for example \`new Counter('${metric}')\`) or fix the name`,
    });
    return undefined;
  }
  return { metric, kind };
}

function targetOf(key: string, kindOf: MetricKindLookup): Target | undefined {
  const parsed = readMetricKey(key);
  const kind = parsed.ok ? kindOf(parsed.value.metric) : undefined;
  return parsed.ok && kind ? { metric: parsed.value.metric, kind } : undefined;
}

/** Reports an unparseable expression, or an aggregation the metric's kind does not keep. */
function checkExpression(expression: string, target: Target | undefined, path: string, issues: ConfigIssue[]): void {
  const parsed = readThresholdExpression(expression);
  if (!parsed.ok) {
    issues.push({ path, message: parsed.message });
    return;
  }
  if (target === undefined || supports(target.kind, parsed.value.aggregation)) return;
  issues.push({
    path,
    message:
      `${target.metric} is a ${target.kind}; its thresholds can use ${STATS_BY_KIND[target.kind].join(', ')} ` +
      `('${expression}' uses ${parsed.value.stat})`,
  });
}

function supports(kind: MetricKind, aggregation: Aggregation): boolean {
  return STATS_BY_KIND[kind].includes(aggregation === 'p' ? 'p(N)' : aggregation);
}
