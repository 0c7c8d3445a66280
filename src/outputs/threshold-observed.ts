/** What a threshold compared, as the summary and the JUnit report show it: `p(95)=25.9ms`. */
import { readThresholdExpression } from '../thresholds/parse.js';
import { formatStat } from './format-values.js';
import type { SummaryMetric } from './summary-data.js';

/** The statistic `expression` reads and its value, from the threshold's result or else from the metric's values; undefined when neither has it. */
export function thresholdObserved(expression: string, entry: { observed?: number }, metric: SummaryMetric): { stat: string; value: number } | undefined {
  const parsed = readThresholdExpression(expression);
  const stat = parsed.ok ? parsed.value.stat : (expression.split(/[<>=!]/)[0] ?? '').trim();
  const value = typeof entry.observed === 'number' ? entry.observed : metric.values[stat];
  return value === undefined ? undefined : { stat, value };
}

/** `p(95)=25.9ms`, in the summary's time unit; '' when nothing was observed. */
export function observedText(expression: string, entry: { observed?: number }, metric: SummaryMetric, timeUnit: string | null, styleValue: (text: string) => string = (t) => t): string {
  const observed = thresholdObserved(expression, entry, metric);
  return observed ? `${observed.stat}=${styleValue(formatStat(observed.value, observed.stat, metric, timeUnit))}` : '';
}
