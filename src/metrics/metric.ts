/** What a metric is: its name, the kind of aggregate it keeps, and whether its values are times. */

/** k6's four metric types. */
export type MetricKind = 'counter' | 'gauge' | 'rate' | 'trend';

/** k6's `contains`: how values are printed (ms, bytes, plain numbers). */
export type MetricContains = 'default' | 'time' | 'data';

/** A metric definition; the same object is used by built-ins and by `new Trend(...)` in init code. */
export interface MetricDef {
  readonly name: string;
  readonly kind: MetricKind;
  readonly contains: MetricContains;
}

/** Metric names as k6 allows them: letters, digits and underscores, 1–128 characters, not starting with a digit. */
export const METRIC_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Which aggregation methods a threshold may use on each kind (k6's table). */
export const STATS_BY_KIND: Record<MetricKind, readonly string[]> = {
  counter: ['count', 'rate'],
  gauge: ['value'],
  rate: ['rate'],
  trend: ['avg', 'min', 'max', 'med', 'p(N)'],
};
