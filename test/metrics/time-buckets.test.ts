/** Per-second buckets: placement by window start, closing by watermark, nothing lost, memory released. */
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../../src/metrics/builtin.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { TagSet } from '../../src/metrics/tags.js';
import { TimeBuckets, type ClosedBucket } from '../../src/metrics/time-buckets.js';
import { WindowAggregates } from '../../src/metrics/window-aggregates.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';

const START = 1_700_000_000_000;
const TAGS = TagSet.of({ scenario: 'default' });

/** A snapshot holding `count` iterations and `failed` of `total` failed requests. */
function snapshot(count: number, failed = 0, total = 0) {
  const w = new WorkerMetrics(() => {});
  if (count) w.add(BUILTIN.iterations, count, TAGS);
  for (let i = 0; i < total; i++) w.add(BUILTIN.http_req_failed, i < failed ? 1 : 0, TAGS);
  return w.snapshot();
}

function collect(workers: number[]) {
  const closed: ClosedBucket[] = [];
  const buckets = new TimeBuckets(new MetricStore(), START, workers, (b) => closed.push(b));
  const counts = () => closed.map((b) => [b.index, b.store.view('iterations')?.value('count')]);
  return { buckets, closed, counts };
}

describe('TimeBuckets', () => {
  it('places each window in the second it starts in and closes a second once every worker passed it', () => {
    const { buckets, closed, counts } = collect([0, 1]);
    buckets.merge(snapshot(3), 0, START);
    buckets.advance(0, START + 1000);
    expect(closed).toHaveLength(0); // worker 1 has not reported second 0 yet
    buckets.merge(snapshot(4), 1, START + 2); // a timer a few ms late still means second 0
    buckets.advance(1, START + 1000);
    expect(counts()).toEqual([[0, 7]]);
    expect(closed[0]!.startMs).toBe(START);
    buckets.merge(snapshot(5), 0, START + 1000);
    buckets.advance(0, START + 2000);
    buckets.finishWorker(1);
    expect(counts()).toEqual([[0, 7], [1, 5]]);
  });

  it('puts a snapshot for an already closed second into the oldest open one, so sums still match', () => {
    const { buckets, counts } = collect([0, 1]);
    buckets.merge(snapshot(1), 0, START);
    buckets.merge(snapshot(1), 1, START);
    buckets.advance(0, START + 2000);
    buckets.advance(1, START + 1000); // second 0 closes
    buckets.merge(snapshot(2), 1, START); // late: second 0 is gone
    buckets.closeAll();
    expect(counts()).toEqual([[0, 2], [1, 2]]);
  });

  it('closes everything at the end, in order, and keeps nothing', () => {
    const { buckets, counts, closed } = collect([0]);
    for (const s of [2, 0, 1]) buckets.merge(snapshot(1), 0, START + s * 1000);
    buckets.closeAll();
    expect(counts()).toEqual([[0, 1], [1, 1], [2, 1]]);
    buckets.merge(snapshot(9), -1, START + 500); // teardown after the end: a new second past the closed ones
    buckets.closeAll();
    expect(closed.at(-1)!.index).toBe(3);
  });

  it('reports counter rates per second of the bucket', () => {
    const { buckets, closed } = collect([0]);
    buckets.merge(snapshot(40), 0, START);
    buckets.closeAll();
    expect(closed[0]!.store.seriesOf('iterations', 1000)[0]!.view.value('rate')).toBe(40);
  });
});

describe('WindowAggregates', () => {
  it('judges the last window only: a late collapse is not diluted by a healthy start', () => {
    const store = new MetricStore();
    const windows = new WindowAggregates([{ metric: 'http_req_failed', filter: {}, windowMs: 3000 }], (n) => store.defOf(n));
    const buckets = new TimeBuckets(store, START, [0], (b) => windows.add(b));
    for (let s = 0; s < 10; s++) {
      const failed = s >= 7 ? 50 : 0;
      const snap = snapshot(0, failed, 50);
      store.merge(snap, 0);
      buckets.merge(snap, 0, START + s * 1000);
      buckets.advance(0, START + (s + 1) * 1000);
    }
    expect(windows.view('http_req_failed', {}, 3000)?.value('rate')).toBe(1);
    expect(store.view('http_req_failed')?.value('rate')).toBeCloseTo(0.3);
  });

  it('has no value for a key without samples in its window', () => {
    const store = new MetricStore();
    const windows = new WindowAggregates([{ metric: 'http_req_failed', filter: { status: '500' }, windowMs: 2000 }], (n) => store.defOf(n));
    const buckets = new TimeBuckets(store, START, [0], (b) => windows.add(b));
    buckets.merge(snapshot(0, 1, 2), 0, START);
    buckets.closeAll();
    expect(windows.view('http_req_failed', { status: '500' }, 2000)).toBeUndefined();
  });
});
