import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram, recordMs, recordMsWithCount } from '../../src/metrics/hdr.js';
import { percentileOf, TrendAggregate } from '../../src/metrics/trend-aggregate.js';
import type { TrendDelta } from '../../src/metrics/trend-aggregate.js';

function delta(values: number[]): TrendDelta {
  const h = createHistogram();
  for (const v of values) recordMs(h, v);
  return { hdr: encodeHistogram(h), count: values.length, min: Math.min(...values), max: Math.max(...values), sum: values.reduce((a, b) => a + b, 0) };
}

describe('percentileOf', () => {
  it.each([
    ['med', 50],
    ['p(0)', 0],
    ['p(90)', 90],
    ['p(99.9)', 99.9],
    ['p(99.99)', 99.99],
    ['p(100)', 100],
  ])('reads %s as %s', (stat, p) => {
    expect(percentileOf(stat)).toBe(p);
  });

  it.each(['p(100.1)', 'p(-1)', 'p()', 'p(9 0)', 'P(90)', 'avg', 'p90'])('rejects %s', (stat) => {
    expect(percentileOf(stat)).toBeUndefined();
  });
});

describe('TrendAggregate', () => {
  it.each(['count', 'sum', 'avg', 'min', 'max', 'med', 'p(95)'])('gives %s = 0 when empty', (stat) => {
    expect(new TrendAggregate().value(stat)).toBe(0);
  });

  it('merges deltas exactly for count, min, max and sum', () => {
    const t = new TrendAggregate();
    t.mergeDelta(delta([3, 1.5]));
    t.mergeDelta(delta([0.25, 9]));
    expect(['count', 'min', 'max', 'sum', 'avg'].map((s) => t.value(s))).toEqual([4, 0.25, 9, 13.75, 13.75 / 4]);
  });

  it('merges another aggregate as if its deltas had come here', () => {
    const a = new TrendAggregate();
    const b = new TrendAggregate();
    const whole = new TrendAggregate();
    for (const [i, d] of [[1, 2], [3, 400], [5.5]].entries()) {
      (i % 2 ? a : b).mergeDelta(delta(d));
      whole.mergeDelta(delta(d));
    }
    a.mergeFrom(b);
    for (const stat of ['count', 'min', 'max', 'sum', 'med', 'p(90)', 'p(99)']) expect(a.value(stat)).toBe(whole.value(stat));
  });

  it('clamps a percentile to the exact max (a bucket may reach past it)', () => {
    const t = new TrendAggregate();
    t.mergeDelta(delta([2.5001]));
    expect(t.value('p(100)')).toBe(2.5001);
  });

  it('widens past 2^32 values in one bucket instead of wrapping the count', () => {
    const t = new TrendAggregate();
    const big = createHistogram();
    recordMsWithCount(big, 1, 2 ** 30);
    const bigDelta = { hdr: encodeHistogram(big), count: 2 ** 30, min: 1, max: 1, sum: 2 ** 30 };
    for (let i = 0; i < 4; i++) t.mergeDelta(bigDelta);
    t.mergeDelta(delta([5]));
    expect(t.value('count')).toBe(2 ** 32 + 1);
    expect(t.value('p(50)')).toBe(1);
    expect(t.value('p(100)')).toBe(5);
  });
});
