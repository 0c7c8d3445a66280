import { describe, expect, it } from 'vitest';
import { CounterAggregate, GaugeAggregate, RateAggregate } from '../../src/metrics/scalar-aggregates.js';

describe('CounterAggregate', () => {
  it('adds sums and divides by the run duration for rate', () => {
    const c = new CounterAggregate();
    c.mergeDelta({ sum: 30 });
    c.mergeDelta({ sum: 20 });
    expect([c.value('count', 5000), c.value('rate', 5000)]).toEqual([50, 10]);
  });

  it('has no other statistic', () => {
    expect(new CounterAggregate().value('avg', 1000)).toBeUndefined();
  });
});

describe('RateAggregate', () => {
  it('gives rate 0 with no values rather than NaN', () => {
    expect(new RateAggregate().value('rate')).toBe(0);
  });

  it('combines another aggregate', () => {
    const a = new RateAggregate();
    const b = new RateAggregate();
    a.mergeDelta({ hits: 1, total: 2 });
    b.mergeDelta({ hits: 2, total: 2 });
    a.mergeFrom(b);
    expect([a.value('rate'), a.value('passes'), a.value('fails')]).toEqual([0.75, 3, 1]);
  });
});

describe('GaugeAggregate', () => {
  it('has no value before its first update', () => {
    expect(new GaugeAggregate().value('value')).toBeUndefined();
  });

  it('replaces a worker’s previous value instead of adding to it', () => {
    const g = new GaugeAggregate();
    g.mergeDelta({ last: 5, min: 5, max: 5 }, 0, 0);
    g.mergeDelta({ last: 8, min: 5, max: 8 }, 0, 1);
    expect(g.value('value')).toBe(8);
  });

  it('keeps the later-stamped value when combining series', () => {
    const older = new GaugeAggregate();
    const newer = new GaugeAggregate();
    newer.mergeDelta({ last: 2, min: 2, max: 2 }, 0, 5);
    older.mergeDelta({ last: 9, min: 9, max: 9 }, 0, 1);
    const view = new GaugeAggregate();
    view.mergeFrom(newer);
    view.mergeFrom(older);
    expect([view.value('value'), view.value('min'), view.value('max')]).toEqual([2, 2, 9]);
  });
});
