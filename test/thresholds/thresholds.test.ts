import { describe, expect, it } from 'vitest';
import { Thresholds, abortingFailures, allPassed, summaryThresholds } from '../../src/thresholds/thresholds.js';
import type { AggregateLookup, ThresholdResult } from '../../src/thresholds/thresholds.js';
import type { ResolvedThreshold } from '../../src/config/options.js';
import { ConfigError } from '../../src/errors.js';
import { fakeView } from './fake-view.js';

function t(metric: string, expression: string, extra: Partial<ResolvedThreshold> = {}): ResolvedThreshold {
  return { metric, expression, abortOnFail: false, delayAbortEvalMs: 0, windowMs: undefined, ...extra };
}

const lookup: AggregateLookup = (metric, filter) => {
  if (metric === 'http_req_duration' && filter.status === '200') return fakeView('trend', { count: 10, 'p(95)': 20 });
  if (metric === 'http_req_duration') return fakeView('trend', { count: 12, 'p(95)': 400, avg: 50 });
  if (metric === 'http_req_failed') return fakeView('rate', { rate: 0, passes: 0, fails: 12 });
  return undefined;
};

describe('Thresholds.from', () => {
  it('throws one ConfigError listing every invalid key and expression', () => {
    let error: unknown;
    try {
      Thresholds.from([t('a{', 'avg<1'), t('http_req_duration', 'avg<1'), t('http_req_duration', 'avg!1')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual([
      'options.thresholds["a{"]',
      'options.thresholds["http_req_duration"][1]',
    ]);
  });

  it('lists the distinct keys with their metric and filter', () => {
    const set = Thresholds.from([t('http_req_duration', 'avg<1'), t('http_req_duration', 'p(95)<1'), t('http_req_duration{status:200}', 'avg<1')]);
    expect(set.size).toBe(3);
    expect(set.keys()).toEqual([
      { key: 'http_req_duration', metric: 'http_req_duration', filter: {} },
      { key: 'http_req_duration{status:200}', metric: 'http_req_duration', filter: { status: '200' } },
    ]);
  });
});

describe('Thresholds.evaluate', () => {
  const set = Thresholds.from([
    t('http_req_duration', 'p(95)<300', { abortOnFail: true, delayAbortEvalMs: 10_000 }),
    t('http_req_duration', 'avg<100'),
    t('http_req_duration{status:200}', 'p(95)<300'),
    t('http_req_failed', 'rate<0.01'),
    t('my_counter', 'count<10'),
  ]);

  it('evaluates each threshold against its metric or sub-metric, in order', () => {
    const results = set.evaluate(lookup);
    expect(results.map((r) => [r.key, r.expression, r.ok, r.observed])).toEqual([
      ['http_req_duration', 'p(95)<300', false, 400],
      ['http_req_duration', 'avg<100', true, 50],
      ['http_req_duration{status:200}', 'p(95)<300', true, 20],
      ['http_req_failed', 'rate<0.01', true, 0],
      ['my_counter', 'count<10', true, 0],
    ]);
  });

  it('carries abortOnFail and delayAbortEval into the results', () => {
    const [first] = set.evaluate(lookup);
    expect(first).toMatchObject({ abortOnFail: true, delayAbortEvalMs: 10_000 });
  });

  it('skips metrics without samples during the run', () => {
    const live = set.evaluate(lookup, { final: false });
    expect(live[4]).toMatchObject({ key: 'my_counter', ok: true, observed: undefined });
  });

  it('passes the window to the lookup', () => {
    const windows: (number | undefined)[] = [];
    Thresholds.from([t('http_reqs', 'count>0', { windowMs: 60_000 })]).evaluate((_m, _f, w) => {
      windows.push(w);
      return undefined;
    });
    expect(windows).toEqual([60_000]);
  });
});

function result(ok: boolean, abortOnFail: boolean, delayAbortEvalMs = 0): ThresholdResult {
  return { key: 'k', expression: 'avg<1', ok, observed: 2, abortOnFail, delayAbortEvalMs };
}

describe('abortingFailures', () => {
  it('returns failed abortOnFail thresholds without a delay', () => {
    expect(abortingFailures([result(false, true), result(false, false), result(true, true)], 1)).toEqual([result(false, true)]);
  });

  it('waits until the run has lasted longer than delayAbortEval', () => {
    expect(abortingFailures([result(false, true, 10_000)], 10_000)).toEqual([]);
    expect(abortingFailures([result(false, true, 10_000)], 10_001)).toHaveLength(1);
  });
});

describe('allPassed', () => {
  it('is false when any threshold failed', () => {
    expect(allPassed([result(true, false), result(false, false)])).toBe(false);
  });

  it('is true when every threshold held', () => {
    expect(allPassed([result(true, false)])).toBe(true);
  });
});

describe('summaryThresholds', () => {
  it('groups results per key and expression, with the observed value when known', () => {
    const results: ThresholdResult[] = [
      { key: 'http_req_duration', expression: 'p(95)<300', ok: true, observed: 25.9, abortOnFail: false, delayAbortEvalMs: 0 },
      { key: 'http_req_duration', expression: 'avg<1', ok: false, observed: 12, abortOnFail: false, delayAbortEvalMs: 0 },
      { key: 'my_counter', expression: 'count<1', ok: true, observed: undefined, abortOnFail: false, delayAbortEvalMs: 0 },
    ];
    expect(summaryThresholds(results)).toEqual({
      http_req_duration: { 'p(95)<300': { ok: true, observed: 25.9 }, 'avg<1': { ok: false, observed: 12 } },
      my_counter: { 'count<1': { ok: true } },
    });
  });
});
