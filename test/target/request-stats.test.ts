import { describe, expect, it } from 'vitest';
import { OVERFLOW_PATH, RequestStats } from '../../src/target/request-stats.js';

describe('RequestStats', () => {
  it('counts requests per path and in total', () => {
    const stats = new RequestStats();
    stats.count('/');
    stats.count('/');
    stats.count('/delay/50');
    expect(stats.snapshot()).toEqual({ '/': 2, '/delay/50': 1, total: 3 });
  });

  it('starts at a total of zero', () => {
    expect(new RequestStats().snapshot()).toEqual({ total: 0 });
  });

  it('forgets every count on reset', () => {
    const stats = new RequestStats();
    stats.count('/json');
    stats.reset();
    expect(stats.snapshot()).toEqual({ total: 0 });
  });

  it('returns a copy that later requests do not change', () => {
    const stats = new RequestStats();
    stats.count('/');
    const before = stats.snapshot();
    stats.count('/');
    expect(before['/']).toBe(1);
  });

  it('folds new paths into one key past 10,000 distinct paths, still counting them', () => {
    const stats = new RequestStats();
    for (let i = 0; i < 10_000; i++) stats.count(`/p/${i}`);
    stats.count('/new-a');
    stats.count('/new-b');
    stats.count('/p/1');
    const snap = stats.snapshot();
    expect(snap[OVERFLOW_PATH]).toBe(2);
    expect(snap['/new-a']).toBeUndefined();
    expect(snap['/p/1']).toBe(2);
    expect(snap.total).toBe(10_003);
  });

  it('tells how many requests a path has had', () => {
    const stats = new RequestStats();
    stats.count('/a');
    stats.count('/a');
    expect(stats.countOf('/a')).toBe(2);
    expect(stats.countOf('/b')).toBe(0);
  });

  it('carries refused connections beside the total only when asked to, and zeroes them on reset', () => {
    const plain = new RequestStats();
    plain.countRefused();
    expect(plain.snapshot()).toEqual({ total: 0 });
    const faults = new RequestStats(true);
    expect(faults.snapshot()).toEqual({ total: 0, refused: 0 });
    faults.countRefused();
    faults.count('/');
    expect(faults.snapshot()).toEqual({ '/': 1, total: 1, refused: 1 });
    faults.reset();
    expect(faults.snapshot()).toEqual({ total: 0, refused: 0 });
  });
});
