/**
 * k6's `tainted` status flag: some threshold already fails on what was measured so far. Judged on
 * the run's totals at the moment of the request (a windowed threshold too), as an indication; the
 * verdict that sets the exit code is still the one at the end of the run.
 */
import type { MetricStore } from '../metrics/metric-store.js';
import { allPassed, type Thresholds } from '../thresholds/thresholds.js';

export function taintedNow(thresholds: Thresholds, store: MetricStore, elapsedMs: number): boolean {
  return !allPassed(thresholds.evaluate((metric, filter) => store.view(metric, filter, elapsedMs), { final: false }));
}
