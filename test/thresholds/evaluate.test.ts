import { describe, expect, it } from 'vitest';
import { compare, evaluateThreshold, hasSamples } from '../../src/thresholds/evaluate.js';
import { parseThresholdExpression } from '../../src/thresholds/parse.js';
import type { ThresholdOperator } from '../../src/thresholds/parse.js';
import { fakeView } from './fake-view.js';

describe('compare', () => {
  it.each([
    [1, '<', 2, true],
    [2, '<', 2, false],
    [2, '<=', 2, true],
    [3, '<=', 2, false],
    [3, '>', 2, true],
    [2, '>', 2, false],
    [2, '>=', 2, true],
    [1, '>=', 2, false],
    [2, '==', 2, true],
    [2.5, '==', 2, false],
    [2, '===', 2, true],
    [1, '===', 2, false],
    [1, '!=', 2, true],
    [2, '!=', 2, false],
    [-1, '<', 0, true],
  ] as const)('%d %s %d is %s', (observed, op, value, expected) => {
    expect(compare(observed, op as ThresholdOperator, value)).toBe(expected);
  });
});

const trend = fakeView('trend', { count: 100, avg: 12, min: 1, max: 95, med: 10, 'p(95)': 25.9, 'p(99.9)': 90 });

describe('evaluateThreshold with samples', () => {
  it.each([
    ['trend', trend, 'avg<20', true, 12],
    ['trend', trend, 'min>=1', true, 1],
    ['trend', trend, 'max<90', false, 95],
    ['trend', trend, 'med==10', true, 10],
    ['trend', trend, 'p(95)<300', true, 25.9],
    ['trend', trend, 'p(95)<20', false, 25.9],
    ['trend', trend, 'p(99.9)<=90', true, 90],
    ['counter', fakeView('counter', { count: 6000, rate: 200 }), 'count>5000', true, 6000],
    ['counter', fakeView('counter', { count: 6000, rate: 200 }), 'rate<100', false, 200],
    ['rate', fakeView('rate', { rate: 0.02, passes: 2, fails: 98 }), 'rate<0.01', false, 0.02],
    ['rate', fakeView('rate', { rate: 0.02, passes: 2, fails: 98 }), 'rate!=0', true, 0.02],
    ['gauge', fakeView('gauge', { value: 50, min: 0, max: 50 }), 'value<=50', true, 50],
  ])('on a %s, %s', (_kind, view, expression, ok, observed) => {
    expect(evaluateThreshold(parseThresholdExpression(expression), view)).toEqual({ ok, observed });
  });

  it('fails, without an observed value, when the view lacks the statistic', () => {
    const view = fakeView('counter', { count: 3 });
    expect(evaluateThreshold(parseThresholdExpression('rate<10'), view)).toEqual({ ok: false, observed: undefined });
  });
});

describe('evaluateThreshold without samples', () => {
  const empty = [
    ['no series at all', undefined],
    ['an empty trend', fakeView('trend', { count: 0, avg: 0, 'p(95)': 0 })],
    ['an empty counter', fakeView('counter', { count: 0, rate: 0 })],
    ['an empty rate', fakeView('rate', { rate: 0, passes: 0, fails: 0 })],
    ['a gauge with no value', fakeView('gauge', {})],
  ] as const;

  it.each(empty)('at the end compares 0 for %s (count<10 passes)', (_what, view) => {
    expect(evaluateThreshold(parseThresholdExpression('count<10'), view)).toEqual({ ok: true, observed: 0 });
  });

  it.each(empty)('at the end compares 0 for %s (rate>0.9 fails)', (_what, view) => {
    expect(evaluateThreshold(parseThresholdExpression('rate>0.9'), view, { final: true })).toEqual({ ok: false, observed: 0 });
  });

  it.each(empty)('during the run skips %s: passes with no observed value', (_what, view) => {
    expect(evaluateThreshold(parseThresholdExpression('p(95)>1000'), view, { final: false })).toEqual({ ok: true, observed: undefined });
  });

  it('during the run evaluates a metric that has samples', () => {
    expect(evaluateThreshold(parseThresholdExpression('p(95)<20'), trend, { final: false })).toEqual({ ok: false, observed: 25.9 });
  });
});

describe('hasSamples', () => {
  it.each([
    ['trend', { count: 1 }, true],
    ['trend', { count: 0 }, false],
    ['counter', { count: 2 }, true],
    ['counter', { count: 0 }, false],
    ['rate', { passes: 0, fails: 1 }, true],
    ['rate', { passes: 0, fails: 0 }, false],
    ['gauge', { value: 0 }, true],
    ['gauge', {}, false],
  ] as const)('%s %j → %s', (kind, stats, expected) => {
    expect(hasSamples(fakeView(kind, stats))).toBe(expected);
  });
});
