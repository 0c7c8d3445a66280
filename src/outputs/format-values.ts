/**
 * How the end-of-test summary prints numbers, in one place and the way k6 v1 does
 * (`internal/js/summary.js` humanizeValue): rates as truncated percentages, data as kB/MB,
 * times with a unit (µs, ms, s, 1m30s) or in a fixed `summaryTimeUnit`, anything else as a plain
 * number with at most six decimals.
 */
import type { MetricContains, MetricKind } from '../metrics/metric.js';
import { formatDuration } from '../config/duration.js';

/** What decides a value's format: the metric's kind and what it contains. */
export interface ValueFormat {
  readonly type: MetricKind;
  readonly contains: MetricContains;
}

/** The units `summaryTimeUnit` may fix (k6's): every time is then printed with two decimals in it. */
const TIME_UNITS: Readonly<Record<string, { unit: string; perMs: number }>> = {
  s: { unit: 's', perMs: 0.001 },
  ms: { unit: 'ms', perMs: 1 },
  us: { unit: 'µs', perMs: 1000 },
};

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** A metric value as the summary prints it: `12.1ms`, `1.3 MB`, `0.50%`, `42`. */
export function formatValue(value: number, format: ValueFormat, timeUnit: string | null): string {
  if (format.type === 'rate') return formatPercent(value);
  switch (format.contains) {
    case 'data':
      return formatBytes(value);
    case 'time':
      return formatTime(value, timeUnit);
    default:
      return formatPlain(value);
  }
}

/**
 * One statistic of a metric: a trend's `count` is a plain number whatever the trend holds, a
 * counter's `rate` is per second, everything else is formatValue.
 */
export function formatStat(value: number, stat: string, format: ValueFormat, timeUnit: string | null): string {
  if (stat === 'count' && format.type === 'trend') return formatPlain(value);
  if (stat === 'rate' && format.type === 'counter') return formatPerSecond(value, format, timeUnit);
  return formatValue(value, format, timeUnit);
}

/** A per-second rate of a counter: `199.9/s`, `31 kB/s`. */
export function formatPerSecond(value: number, format: ValueFormat, timeUnit: string | null): string {
  return `${formatValue(value, format, timeUnit)}/s`;
}

/**
 * A ratio as a percentage with two decimals, truncated rather than rounded as k6 does, so that
 * 99.999% never shows as 100.00%. The epsilon absorbs binary error (0.29 × 10⁴ = 2899.99…).
 */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return `${ratio}%`;
  return `${(Math.trunc(ratio * 10_000 + 1e-7) / 100).toFixed(2)}%`;
}

/** Bytes in SI units with one decimal under 10: `512 B`, `2.0 kB`, `31 kB`, `1.3 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return `${bytes} B`;
  if (bytes < 0) return `-${formatBytes(-bytes)}`;
  if (bytes < 10) return `${formatPlain(bytes)} B`;
  const e = Math.min(Math.floor(Math.log(bytes) / Math.log(1000)), BYTE_UNITS.length - 1);
  const scaled = Math.floor((bytes / 1000 ** e) * 10 + 0.5) / 10;
  return `${scaled.toFixed(scaled < 10 ? 1 : 0)} ${BYTE_UNITS[e]}`;
}

/** Milliseconds with a unit: `850µs`, `12.1ms`, `2.5s`, `1m30s`; or fixed in `timeUnit` (`s`, `ms`, `us`). */
export function formatTime(ms: number, timeUnit: string | null): string {
  const fixed = timeUnit ? TIME_UNITS[timeUnit] : undefined;
  if (fixed) return `${(ms * fixed.perMs).toFixed(2)}${fixed.unit}`;
  if (!Number.isFinite(ms)) return `${ms}ms`;
  return ms < 0 ? `-${formatDuration(-ms)}` : formatDuration(ms);
}

/** A plain number with at most six decimals and no trailing zeros: `152.355556`, `120`. */
export function formatPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number.parseFloat(value.toFixed(6)));
}

/** The format of each metric a `defOf` lookup knows (a run's store): what formatValue needs of it. */
export function formatsOf(defOf: (metric: string) => { kind: MetricKind; contains: MetricContains } | undefined): (metric: string) => ValueFormat | undefined {
  return (metric) => {
    const def = defOf(metric);
    return def && { type: def.kind, contains: def.contains };
  };
}
