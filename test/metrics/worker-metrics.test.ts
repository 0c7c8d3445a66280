import { describe, expect, it, vi } from 'vitest';
import type { SeriesSnapshot } from '../../src/ipc/messages.js';
import { BUILTIN } from '../../src/metrics/builtin.js';
import { decodeHistogram, percentileMs, totalCount } from '../../src/metrics/hdr.js';
import type { MetricDef } from '../../src/metrics/metric.js';
import { TagSet } from '../../src/metrics/tags.js';
import { OVERFLOW_NAME, WorkerMetrics } from '../../src/metrics/worker-metrics.js';

const noWarn = () => {};
const GET = TagSet.of({ method: 'GET', name: 'items' });
const POST = TagSet.of({ method: 'POST', name: 'items' });
const custom = (name: string, kind: MetricDef['kind']): MetricDef => ({ name, kind, contains: 'default' });

function only<K extends SeriesSnapshot['kind']>(snaps: SeriesSnapshot[], kind: K): Extract<SeriesSnapshot, { kind: K }> {
  expect(snaps).toHaveLength(1);
  const s = snaps[0]!;
  expect(s.kind).toBe(kind);
  return s as Extract<SeriesSnapshot, { kind: K }>;
}

describe('WorkerMetrics recording', () => {
  it('keeps a trend as exact count/min/max/sum plus a histogram', () => {
    const m = new WorkerMetrics(noWarn);
    const r = m.series(BUILTIN.http_req_duration, GET);
    for (const v of [1.5, 0.25, 12.125, 3]) r.add(v);
    const s = only(m.snapshot(), 'trend');
    expect({ count: s.count, min: s.min, max: s.max, sum: s.sum }).toEqual({ count: 4, min: 0.25, max: 12.125, sum: 16.875 });
    const h = decodeHistogram(s.hdr);
    expect(totalCount(h)).toBe(4);
    expect(percentileMs(h, 50)).toBeCloseTo(1.5, 6);
  });

  it('records a negative trend value as 0', () => {
    const m = new WorkerMetrics(noWarn);
    m.add(BUILTIN.http_req_blocked, -3, GET);
    const s = only(m.snapshot(), 'trend');
    expect([s.min, s.max, s.sum]).toEqual([0, 0, 0]);
  });

  it('sums a counter', () => {
    const m = new WorkerMetrics(noWarn);
    for (const v of [1, 1, 250]) m.add(BUILTIN.data_received, v, GET);
    expect(only(m.snapshot(), 'counter').sum).toBe(252);
  });

  it('counts a rate as non-zero hits out of all values', () => {
    const m = new WorkerMetrics(noWarn);
    for (const v of [1, 0, 1, 1, 0, 0.5]) m.add(BUILTIN.checks, v, GET);
    const s = only(m.snapshot(), 'rate');
    expect([s.hits, s.total]).toEqual([4, 6]);
  });

  it('keeps a gauge as last, min and max of the window', () => {
    const m = new WorkerMetrics(noWarn);
    for (const v of [5, 9, 2, 4]) m.add(BUILTIN.vus, v, TagSet.of({}));
    const s = only(m.snapshot(), 'gauge');
    expect([s.last, s.min, s.max]).toEqual([4, 2, 9]);
  });

  it('keeps tag sets apart and carries their tags', () => {
    const m = new WorkerMetrics(noWarn);
    m.add(BUILTIN.http_reqs, 1, GET);
    m.add(BUILTIN.http_reqs, 2, POST);
    const snaps = m.snapshot();
    const byMethod = Object.fromEntries(snaps.map((s) => [Object.fromEntries(s.tags).method, s.kind === 'counter' ? s.sum : NaN]));
    expect(byMethod).toEqual({ GET: 1, POST: 2 });
    expect(snaps[0]!.tags).toEqual([['method', 'GET'], ['name', 'items']]);
  });
});

describe('WorkerMetrics series cache', () => {
  it('returns the same recorder for the same metric and tag set', () => {
    const m = new WorkerMetrics(noWarn);
    expect(m.series(BUILTIN.http_reqs, GET)).toBe(m.series(BUILTIN.http_reqs, TagSet.of({ name: 'items', method: 'GET' })));
  });

  it('returns different recorders for different metrics with the same tags', () => {
    const m = new WorkerMetrics(noWarn);
    expect(m.series(BUILTIN.http_reqs, GET)).not.toBe(m.series(BUILTIN.iterations, GET));
  });
});

describe('WorkerMetrics.snapshot', () => {
  it('resets the deltas: a second snapshot without new samples is empty', () => {
    const m = new WorkerMetrics(noWarn);
    m.add(BUILTIN.http_reqs, 1, GET);
    m.add(BUILTIN.http_req_duration, 5, GET);
    expect(m.snapshot()).toHaveLength(2);
    expect(m.snapshot()).toEqual([]);
  });

  it('returns only the series touched since the previous snapshot', () => {
    const m = new WorkerMetrics(noWarn);
    m.add(BUILTIN.http_reqs, 1, GET);
    m.add(BUILTIN.http_reqs, 1, POST);
    m.snapshot();
    m.add(BUILTIN.http_reqs, 1, POST);
    const snaps = m.snapshot();
    expect(snaps.map((s) => Object.fromEntries(s.tags).method)).toEqual(['POST']);
  });

  it('starts a trend afresh after a snapshot (reused histogram holds only the new window)', () => {
    const m = new WorkerMetrics(noWarn);
    const r = m.series(BUILTIN.http_req_duration, GET);
    r.add(100);
    r.add(200);
    m.snapshot();
    r.add(1.25);
    const s = only(m.snapshot(), 'trend');
    expect({ count: s.count, min: s.min, max: s.max, sum: s.sum }).toEqual({ count: 1, min: 1.25, max: 1.25, sum: 1.25 });
    expect(totalCount(decodeHistogram(s.hdr))).toBe(1);
  });

  it('starts a gauge window afresh while keeping nothing but the new values', () => {
    const m = new WorkerMetrics(noWarn);
    m.add(BUILTIN.vus, 10, GET);
    m.snapshot();
    m.add(BUILTIN.vus, 3, GET);
    const s = only(m.snapshot(), 'gauge');
    expect([s.last, s.min, s.max]).toEqual([3, 3, 3]);
  });
});

describe('WorkerMetrics series cap', () => {
  const metric = custom('hits', 'counter');
  const urlTags = (i: number) => TagSet.of({ method: 'GET', name: `/items/${i}` });

  it('warns once per metric when tag sets pass the cap', () => {
    const warn = vi.fn();
    const m = new WorkerMetrics(warn, 3);
    for (let i = 0; i < 10; i++) m.add(metric, 1, urlTags(i));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('hits');
  });

  it('does not warn at exactly the cap', () => {
    const warn = vi.fn();
    const m = new WorkerMetrics(warn, 3);
    for (let i = 0; i < 3; i++) m.add(metric, 1, urlTags(i));
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns separately for each metric that overflows', () => {
    const warn = vi.fn();
    const m = new WorkerMetrics(warn, 2);
    for (let i = 0; i < 5; i++) {
      m.add(metric, 1, urlTags(i));
      m.add(BUILTIN.http_reqs, 1, urlTags(i));
    }
    expect(warn.mock.calls).toEqual([['hits'], ['http_reqs']]);
  });

  it("routes the excess to one series named '__overflow__' that keeps the other tags", () => {
    const m = new WorkerMetrics(noWarn, 3);
    for (let i = 0; i < 10; i++) m.add(metric, 1, urlTags(i));
    const snaps = m.snapshot();
    expect(snaps).toHaveLength(4);
    const overflow = snaps.find((s) => Object.fromEntries(s.tags).name === OVERFLOW_NAME);
    expect(overflow?.tags).toEqual([['method', 'GET'], ['name', OVERFLOW_NAME]]);
    expect(overflow?.kind === 'counter' && overflow.sum).toBe(7);
  });

  it('keeps recording known tag sets into their own series after the cap', () => {
    const m = new WorkerMetrics(noWarn, 2);
    for (let i = 0; i < 5; i++) m.add(metric, 1, urlTags(i));
    m.snapshot();
    m.add(metric, 4, urlTags(0));
    const s = only(m.snapshot(), 'counter');
    expect(Object.fromEntries(s.tags).name).toBe('/items/0');
    expect(s.sum).toBe(4);
  });

  it('caps overflow series too when the other tags are high-cardinality', () => {
    const m = new WorkerMetrics(noWarn, 2);
    for (let i = 0; i < 50; i++) m.add(metric, 1, TagSet.of({ name: `/u/${i}`, user: `${i}` }));
    expect(m.seriesCount).toBe(2 + 2 + 1);
    const total = m.snapshot().reduce((n, s) => n + (s.kind === 'counter' ? s.sum : 0), 0);
    expect(total).toBe(50);
  });
});
