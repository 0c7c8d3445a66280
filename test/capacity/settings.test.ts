import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../../src/errors.js';
import { readCapacitySettings, type CapacityFlags } from '../../src/capacity/settings.js';

function read(flags: CapacityFlags) {
  const issues: ConfigIssue[] = [];
  return { settings: readCapacitySettings(flags, issues), issues };
}

describe('readCapacitySettings', () => {
  it('has the documented defaults: 50/s to 100,000/s, 10 s steps warming up 30 %, 5 %', () => {
    expect(read({})).toEqual({
      settings: { startRate: 50, maxRate: 100_000, stepMs: 10_000, warmupMs: 3000, precision: 0.05, maxVus: undefined, minRate: undefined, exec: 'default' },
      issues: [],
    });
  });

  it.each([
    [{ warmup: '2s' }, 2000],
    [{ warmup: '25%' }, 3000], // 2.5 s, rounded up to whole seconds
    [{ warmup: '0%' }, 0],
    [{ warmup: '1500ms', step: '4s' }, 2000],
  ])('reads the warm-up %j as %i ms', (flags, ms) => {
    expect(read(flags).settings.warmupMs).toBe(ms);
  });

  it.each([
    [{ startRate: 500, maxRate: 100 }, '--start-rate', /above --max-rate/],
    [{ startRate: 0 }, '--start-rate', /above 0/],
    [{ step: '10' }, '--step', /missing unit/],
    [{ step: '1.5s' }, '--step', /whole number of seconds/],
    [{ step: '3s', warmup: '3s' }, '--warmup', /not longer than its warm-up/],
    [{ step: '3s', warmup: '100%' }, '--warmup', /not longer than its warm-up/],
    [{ warmup: 'soon' }, '--warmup', /duration \(5s\) or a share of the step/],
    [{ precision: '5' }, '--precision', /percentage such as 5%/],
    [{ precision: '0%' }, '--precision', /above 0%/],
    [{ maxVus: 2.5 }, '--max-vus', /whole number/],
    [{ minRate: -1 }, '--min-rate', /above 0/],
  ])('refuses %j', (flags, path, message) => {
    const { issues } = read(flags);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)!.message).toMatch(message);
  });
});
