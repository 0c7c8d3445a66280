import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../../src/metrics/builtin.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { summaryValues } from '../../src/metrics/summary-values.js';
import { TagSet } from '../../src/metrics/tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';

const OK = TagSet.of({ name: 'items', status: '200' });

describe('summaryValues', () => {
  function storeWithAll(): MetricStore {
    const s = new MetricStore();
    const w = new WorkerMetrics(() => {});
    for (const v of [1, 2, 3, 4]) w.add(BUILTIN.http_req_duration, v, OK);
    w.add(BUILTIN.http_reqs, 4, OK);
    w.add(BUILTIN.checks, 1, OK);
    w.add(BUILTIN.checks, 0, OK);
    w.add(BUILTIN.vus, 5, OK);
    s.merge(w.snapshot(), 0);
    return s;
  }

  it('gives a trend count first, then the requested stats in order', () => {
    const values = summaryValues(storeWithAll().view('http_req_duration')!, ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
    expect(Object.keys(values)).toEqual(['count', 'avg', 'min', 'med', 'max', 'p(90)', 'p(95)']);
    expect(values).toMatchObject({ count: 4, avg: 2.5, min: 1, max: 4 });
  });

  it('includes count once even when the stats list it', () => {
    const values = summaryValues(storeWithAll().view('http_req_duration')!, ['p(99)', 'count']);
    expect(Object.keys(values)).toEqual(['count', 'p(99)']);
  });

  it('leaves out unknown trend stats', () => {
    expect(Object.keys(summaryValues(storeWithAll().view('http_req_duration')!, ['avg', 'bogus']))).toEqual(['count', 'avg']);
  });

  it.each([
    ['http_reqs', { count: 4, rate: 2 }],
    ['checks', { rate: 0.5, passes: 1, fails: 1 }],
    ['vus', { value: 5, min: 5, max: 5 }],
  ])('gives %s the values of its kind', (name, expected) => {
    expect(summaryValues(storeWithAll().view(name, {}, 2000)!, ['avg'])).toEqual(expected);
  });
});

describe('summaryValues re-export', () => {
  it('is the same function from metric-store.js, where the summary builder imports it', async () => {
    const store = await import('../../src/metrics/metric-store.js');
    expect(store.summaryValues).toBe(summaryValues);
  });
});
