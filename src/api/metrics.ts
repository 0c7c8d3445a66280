/**
 * Custom metrics for scenarios: `new Trend('item_time', true)` in init code, recorded from an
 * iteration with `metrics.add(trend, value, tags?)`, so the sample carries its VU's scenario and
 * group tags without AsyncLocalStorage.
 */
import type { MetricContains, MetricDef, MetricKind } from '../metrics/metric.js';
import { METRIC_NAME } from '../metrics/metric.js';
import { builtinMetric } from '../metrics/builtin.js';
import { runtime } from './runtime.js';

/** Base of the four custom metric types. */
abstract class CustomMetric implements MetricDef {
  readonly name: string;
  readonly kind: MetricKind;
  readonly contains: MetricContains;
  protected constructor(name: string, kind: MetricKind, contains: MetricContains) {
    if (!runtime.inInit) throw new Error(`metric "${name}" must be created in init code (the top level of the script), not inside an iteration`);
    if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
      throw new Error(`invalid metric name ${JSON.stringify(name)}: use letters, digits and underscores, not starting with a digit`);
    }
    const existing = builtinMetric(name) ?? runtime.metrics.get(name);
    if (existing && (existing.kind !== kind || existing.contains !== contains)) {
      throw new Error(`metric "${name}" already exists as a ${existing.kind}; a name can have only one type`);
    }
    this.name = name;
    this.kind = kind;
    this.contains = contains;
    runtime.metrics.set(name, { name, kind, contains });
  }
  /** k6 records with `metric.add(v)`; volley records through the iteration context so the VU's tags apply. */
  add(_value: number, _tags?: Record<string, string>): never {
    throw new Error(`record ${this.name} with metrics.add(${this.name}, value) from the iteration context, not ${this.name}.add(value)`);
  }
}

/** A metric that sums values (k6 Counter). */
export class Counter extends CustomMetric {
  constructor(name: string) {
    super(name, 'counter', 'default');
  }
}

/** A metric that keeps its last, min and max value (k6 Gauge). */
export class Gauge extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, 'gauge', isTime ? 'time' : 'default');
  }
}

/** A metric that counts the share of non-zero values (k6 Rate). */
export class Rate extends CustomMetric {
  constructor(name: string) {
    super(name, 'rate', 'default');
  }
}

/** A metric with percentiles; `isTime` makes it milliseconds (k6 Trend). */
export class Trend extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, 'trend', isTime ? 'time' : 'default');
  }
}
