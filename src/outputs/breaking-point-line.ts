/**
 * The breaking point in words, for the summary's THRESHOLDS block and the abort message:
 * `http_req_duration broke at 1m12s, 2,310 iterations/s: p(99)=812ms > 200ms`.
 */
import type { BreakingPoint } from '../coordinator/breaking-point.js';
import { formatDuration } from '../config/duration.js';
import { splitSlo } from '../capacity/slo.js';
import { readMetricKey, readThresholdExpression } from '../thresholds/parse.js';
import type { SummaryData } from './summary-data.js';
import { formatStat, type ValueFormat } from './format-values.js';
import { BODY, type Style } from './summary-style.js';

/** One line; `formatOf` gives a metric's format (none: plain numbers). */
export function describeBreakingPoint(bp: BreakingPoint, formatOf: (metric: string) => ValueFormat | undefined, timeUnit: string | null = null): string {
  const parts = splitSlo(bp.threshold);
  const expr = parts && readThresholdExpression(parts.expression);
  const metric = parts?.key ?? bp.threshold;
  const key = readMetricKey(metric);
  const format = key.ok ? formatOf(key.value.metric) : undefined;
  const load = `${bp.load.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${bp.unit === 'vus' ? (bp.load === 1 ? 'VU' : 'VUs') : bp.unit}`;
  if (!expr?.ok) return `${metric} broke at ${formatDuration(bp.atMs)}, ${load}: ${bp.value}`;
  const { stat, value: limit } = expr.value;
  const show = (n: number) => (format ? formatStat(n, stat, format, timeUnit) : String(Number(n.toFixed(3))));
  const relation = bp.value > limit ? '>' : bp.value < limit ? '<' : '=';
  return `${metric} broke at ${formatDuration(bp.atMs)}, ${load}: ${stat}=${show(bp.value)} ${relation} ${show(limit)}`;
}

/** The summary's line for data with a breaking point (none otherwise). */
export function breakingPointLines(data: SummaryData, style: Style): string[] {
  const bp = data.breakingPoint;
  if (!bp) return [];
  return [`${BODY}${style.fail('breaking point:')} ${describeBreakingPoint(bp, (metric) => data.metrics[metric], data.options.summaryTimeUnit)}`, ''];
}
