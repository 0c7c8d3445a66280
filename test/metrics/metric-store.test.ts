import { describe, expect, it } from 'vitest';
import { EngineError, ScriptError } from '../../src/errors.js';
import type { SeriesSnapshot } from '../../src/ipc/messages.js';
import { BUILTIN } from '../../src/metrics/builtin.js';
import { createHistogram, percentileMs, recordMs } from '../../src/metrics/hdr.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { TagSet } from '../../src/metrics/tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import { latencies } from '../support/latencies.js';

const noWarn = () => {};
const OK = TagSet.of({ name: 'items', status: '200' });
const NOT_FOUND = TagSet.of({ name: 'items', status: '404' });
const HOME = TagSet.of({ name: 'home', status: '200' });

function withinHdrPrecision(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(expected / 1000 + 0.001);
}

/** Feeds `values` alternately to two workers, snapshotting every `window` values, into a store. */
function twoWorkerStore(values: number[], window = 1000): MetricStore {
  const store = new MetricStore();
  const workers = [new WorkerMetrics(noWarn), new WorkerMetrics(noWarn)];
  values.forEach((v, i) => {
    workers[i % 2]!.add(BUILTIN.http_req_duration, v, i % 3 ? OK : NOT_FOUND);
    if ((i + 1) % window === 0) workers.forEach((w, id) => store.merge(w.snapshot(), id));
  });
  workers.forEach((w, id) => store.merge(w.snapshot(), id));
  return store;
}

function oneHistogram(values: number[]) {
  const h = createHistogram();
  for (const v of values) recordMs(h, v);
  return h;
}

describe('MetricStore merging trends', () => {
  const values = latencies(30_000, 41);
  const store = twoWorkerStore(values);
  const view = store.view('http_req_duration', {}, 10_000)!;
  const whole = oneHistogram(values);

  it('counts exactly', () => {
    expect(view.value('count')).toBe(values.length);
  });

  it('keeps exact min, max and sum', () => {
    expect(view.value('min')).toBe(Math.min(...values));
    expect(view.value('max')).toBe(Math.max(...values));
    expect(view.value('sum')).toBeCloseTo(values.reduce((a, b) => a + b, 0), 6);
  });

  it('gives avg as sum / count', () => {
    expect(view.value('avg')).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it.each([['med', 50], ['p(50)', 50], ['p(90)', 90], ['p(95)', 95], ['p(99)', 99], ['p(99.9)', 99.9], ['p(99.99)', 99.99]])(
    '%s equals that of one histogram fed every value',
    (stat, p) => {
      expect(view.value(stat)).toBe(Math.min(percentileMs(whole, p), Math.max(...values)));
    },
  );

  it.each(['p(0)', 'p(100)'])('%s stays within the exact min and max', (stat) => {
    const v = view.value(stat)!;
    expect(v).toBeGreaterThanOrEqual(Math.min(...values));
    expect(v).toBeLessThanOrEqual(Math.max(...values));
  });

  it.each(['p(101)', 'p()', 'p(abc)', 'rate', 'value', 'p95'])('has no %s statistic', (stat) => {
    expect(view.value(stat)).toBeUndefined();
  });
});

describe('MetricStore percentiles against exact values', () => {
  const values = latencies(20_000, 43);
  const sorted = [...values].sort((a, b) => a - b);
  const view = twoWorkerStore(values).view('http_req_duration')!;
  it.each([1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9])('p(%s) is within 3 significant digits', (p) => {
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9));
    withinHdrPrecision(view.value(`p(${p})`), sorted[rank - 1]!);
  });
});

describe('MetricStore sub-metric views', () => {
  function store(): MetricStore {
    const s = new MetricStore();
    const w = new WorkerMetrics(noWarn);
    for (const v of [10, 20, 30]) w.add(BUILTIN.http_req_duration, v, OK);
    for (const v of [1000, 2000]) w.add(BUILTIN.http_req_duration, v, NOT_FOUND);
    w.add(BUILTIN.http_req_duration, 5, HOME);
    s.merge(w.snapshot(), 0);
    return s;
  }

  it.each([
    [{ status: '200' }, 4, 5, 30],
    [{ status: '404' }, 2, 1000, 2000],
    [{ name: 'items' }, 5, 10, 2000],
    [{ name: 'items', status: '200' }, 3, 10, 30],
    [{}, 6, 5, 2000],
  ])('filter %o merges the matching series (count %s, min %s, max %s)', (filter, count, min, max) => {
    const v = store().view('http_req_duration', filter)!;
    expect([v.value('count'), v.value('min'), v.value('max')]).toEqual([count, min, max]);
  });

  it('is undefined when no series matches the filter', () => {
    expect(store().view('http_req_duration', { status: '500' })).toBeUndefined();
  });

  it('is undefined for a metric without data', () => {
    expect(store().view('http_req_waiting')).toBeUndefined();
  });

  it('stays current with merges after it was first asked for', () => {
    const s = store();
    const v = s.view('http_req_duration', { status: '200' })!;
    expect(v.value('count')).toBe(4);
    const w = new WorkerMetrics(noWarn);
    w.add(BUILTIN.http_req_duration, 7, OK);
    w.add(BUILTIN.http_req_duration, 9000, NOT_FOUND);
    s.merge(w.snapshot(), 1);
    expect(v.value('count')).toBe(5);
    expect(s.view('http_req_duration', { status: '200' })!.value('count')).toBe(5);
    expect(s.view('http_req_duration')!.value('max')).toBe(9000);
  });
});

describe('MetricStore counters and rates', () => {
  it('sums a counter across workers and gives rate per second of the run', () => {
    const s = new MetricStore();
    s.merge([{ metric: 'http_reqs', tags: [], kind: 'counter', sum: 300 }], 0);
    s.merge([{ metric: 'http_reqs', tags: [], kind: 'counter', sum: 200 }], 1);
    const v = s.view('http_reqs', {}, 2500)!;
    expect([v.value('count'), v.value('rate')]).toEqual([500, 200]);
  });

  it('gives a counter rate of 0 before any time has passed', () => {
    const s = new MetricStore();
    s.merge([{ metric: 'http_reqs', tags: [], kind: 'counter', sum: 3 }], 0);
    expect(s.view('http_reqs', {}, 0)!.value('rate')).toBe(0);
  });

  it('adds hits and totals of a rate across workers', () => {
    const s = new MetricStore();
    s.merge([{ metric: 'checks', tags: [], kind: 'rate', hits: 3, total: 4 }], 0);
    s.merge([{ metric: 'checks', tags: [], kind: 'rate', hits: 5, total: 6 }], 1);
    const v = s.view('checks')!;
    expect([v.value('rate'), v.value('passes'), v.value('fails')]).toEqual([0.8, 8, 2]);
  });
});

describe('MetricStore gauges', () => {
  const gauge = (last: number, min: number, max: number): SeriesSnapshot[] => [{ metric: 'vus', tags: [], kind: 'gauge', last, min, max }];

  it("sums the workers' latest values", () => {
    const s = new MetricStore();
    s.merge(gauge(10, 0, 10), 0);
    s.merge(gauge(7, 0, 7), 1);
    s.merge(gauge(4, 4, 10), 0);
    expect(s.view('vus')!.value('value')).toBe(11);
  });

  it('tracks min and max of the sum over time', () => {
    const s = new MetricStore();
    s.merge(gauge(10, 0, 10), 0); // first windows, concurrent: sum 0..20
    s.merge(gauge(10, 0, 10), 1);
    s.merge(gauge(12, 10, 15), 0); // worker 1 at 10: sum 20..25
    s.merge(gauge(2, 2, 10), 1); // worker 0 at 12: sum 14..22
    s.merge(gauge(0, 0, 12), 0); // worker 1 at 2: sum 2..14
    const v = s.view('vus')!;
    expect([v.value('value'), v.value('min'), v.value('max')]).toEqual([2, 0, 25]);
  });

  it("sums the workers' first windows as concurrent (a constant per-worker gauge keeps min = max)", () => {
    const s = new MetricStore();
    s.merge(gauge(3, 3, 3), 0);
    s.merge(gauge(2, 2, 2), 1);
    s.merge(gauge(3, 3, 3), 0);
    s.merge(gauge(2, 2, 2), 1);
    const v = s.view('vus')!;
    expect([v.value('value'), v.value('min'), v.value('max')]).toEqual([5, 5, 5]);
  });

  it('counts a worker that first reports later as absent until then', () => {
    const s = new MetricStore();
    s.merge(gauge(5, 5, 5), 0);
    s.merge(gauge(5, 5, 5), 0);
    s.merge(gauge(100, 100, 100), 1);
    const v = s.view('vus')!;
    expect([v.value('value'), v.value('min'), v.value('max')]).toEqual([105, 5, 105]);
  });

  it("is one worker's own value, min and max with a single worker", () => {
    const s = new MetricStore();
    s.merge(gauge(5, 3, 8), 0);
    s.merge(gauge(6, 1, 6), 0);
    const v = s.view('vus')!;
    expect([v.value('value'), v.value('min'), v.value('max')]).toEqual([6, 1, 8]);
  });

  it('shows the last-updated series across tag sets, with the extremes of all', () => {
    const s = new MetricStore();
    s.declare({ name: 'queue', kind: 'gauge', contains: 'default' });
    s.merge([{ metric: 'queue', tags: [['room', 'a']], kind: 'gauge', last: 50, min: 40, max: 90 }], 0);
    s.merge([{ metric: 'queue', tags: [['room', 'b']], kind: 'gauge', last: 3, min: 1, max: 3 }], 0);
    const v = s.view('queue')!;
    expect([v.value('value'), v.value('min'), v.value('max')]).toEqual([3, 1, 90]);
  });
});

describe('MetricStore names and kinds', () => {
  it('knows built-ins without a declaration', () => {
    expect(new MetricStore().kindOf('http_req_duration')).toBe('trend');
  });

  it('knows a declared custom metric and lists it', () => {
    const s = new MetricStore();
    s.declare({ name: 'item_time', kind: 'trend', contains: 'time' });
    expect(s.kindOf('item_time')).toBe('trend');
    expect(s.names()).toEqual(['item_time']);
  });

  it('lists metrics seen in snapshots, once each', () => {
    const s = new MetricStore();
    s.declare({ name: 'http_reqs', kind: 'counter', contains: 'default' });
    s.merge([{ metric: 'http_reqs', tags: [], kind: 'counter', sum: 1 }, { metric: 'iterations', tags: [], kind: 'counter', sum: 1 }], 0);
    expect(s.names().sort()).toEqual(['http_reqs', 'iterations']);
  });

  it('keeps the declared contains for the view', () => {
    const s = new MetricStore();
    s.declare({ name: 'payload', kind: 'counter', contains: 'data' });
    s.merge([{ metric: 'payload', tags: [], kind: 'counter', sum: 1 }], 0);
    expect(s.view('payload')!.contains).toBe('data');
  });

  it('rejects redeclaring a name with another kind', () => {
    const s = new MetricStore();
    s.declare({ name: 'item_time', kind: 'trend', contains: 'time' });
    expect(() => s.declare({ name: 'item_time', kind: 'counter', contains: 'default' })).toThrow(ScriptError);
  });

  it('rejects a snapshot whose kind contradicts the metric', () => {
    const s = new MetricStore();
    expect(() => s.merge([{ metric: 'http_reqs', tags: [], kind: 'rate', hits: 1, total: 1 }], 0)).toThrow(EngineError);
  });
});

describe('MetricStore.seriesOf', () => {
  it('gives each series with its tags and own totals', () => {
    const s = new MetricStore();
    s.merge(
      [
        { metric: 'checks', tags: [['check', 'is 200'], ['group', '']], kind: 'rate', hits: 9, total: 10 },
        { metric: 'checks', tags: [['check', 'has body'], ['group', '::api']], kind: 'rate', hits: 4, total: 4 },
      ],
      0,
    );
    const rows = s.seriesOf('checks').map(({ tags, view }) => [tags.get('check'), tags.get('group'), view.value('passes'), view.value('fails')]);
    expect(rows).toEqual([
      ['is 200', '', 9, 1],
      ['has body', '::api', 4, 0],
    ]);
  });

  it('is empty for an unknown metric', () => {
    expect(new MetricStore().seriesOf('checks')).toEqual([]);
  });
});
