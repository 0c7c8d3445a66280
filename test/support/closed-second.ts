/** A closed second of a run built from samples, for tests of what reads per-second buckets. */
import { MetricStore } from '../../src/metrics/metric-store.js';
import type { ClosedBucket } from '../../src/metrics/time-buckets.js';
import { TagSet } from '../../src/metrics/tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import { BUILTIN } from '../../src/metrics/builtin.js';

const TAGS = TagSet.of({ scenario: 'default' });

/** What one second holds: request durations, iterations, dropped ones, start lags, the VUs active. */
export interface SecondSamples {
  durations?: readonly number[];
  failed?: { of: number; failed: number };
  iterations?: number;
  dropped?: number;
  startLags?: readonly number[];
  vus?: number;
}

export function closedSecond(index: number, s: SecondSamples): ClosedBucket {
  const w = new WorkerMetrics(() => {});
  for (const d of s.durations ?? []) w.add(BUILTIN.http_req_duration, d, TAGS);
  for (let i = 0; i < (s.failed?.of ?? 0); i++) w.add(BUILTIN.http_req_failed, i < s.failed!.failed ? 1 : 0, TAGS);
  if (s.iterations) w.add(BUILTIN.iterations, s.iterations, TAGS);
  if (s.dropped) w.add(BUILTIN.dropped_iterations, s.dropped, TAGS);
  for (const lag of s.startLags ?? []) w.add(BUILTIN.iteration_start_lag, lag, TAGS);
  if (s.vus !== undefined) w.add(BUILTIN.vus, s.vus, TAGS);
  const store = new MetricStore();
  store.merge(w.snapshot(), 0);
  return { index, startMs: 1_700_000_000_000 + index * 1000, store };
}

/** `n` request durations of `ms` each. */
export const times = (n: number, ms: number): number[] => Array.from({ length: n }, () => ms);
