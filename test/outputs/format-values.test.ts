import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatPercent,
  formatPlain,
  formatStat,
  formatTime,
  formatValue,
} from '../../src/outputs/format-values.js';
import type { ValueFormat } from '../../src/outputs/format-values.js';

describe('formatTime', () => {
  it.each([
    [0, '0s'],
    [0.0123, '12.3µs'],
    [0.85, '850µs'],
    [1.2, '1.2ms'],
    [25.9, '25.9ms'],
    [95, '95ms'],
    [2500, '2.5s'],
    [90_000, '1m30s'],
    [-3, '-3ms'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatTime(ms, null)).toBe(text);
  });

  it.each([
    [1234.5, 's', '1.23s'],
    [1234.5, 'ms', '1234.50ms'],
    [1.5, 'us', '1500.00µs'],
  ])('%d ms in summaryTimeUnit %s → %s', (ms, unit, text) => {
    expect(formatTime(ms, unit)).toBe(text);
  });

  it('ignores an unknown summaryTimeUnit', () => {
    expect(formatTime(1500, 'fortnights')).toBe('1.5s');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [9, '9 B'],
    [512, '512 B'],
    [2000, '2.0 kB'],
    [31_000, '31 kB'],
    [1_300_000, '1.3 MB'],
    [2_500_000_000, '2.5 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0, '0.00%'],
    [1, '100.00%'],
    [0.29, '29.00%'],
    [0.99999, '99.99%'],
    [0.0123, '1.23%'],
  ])('%d → %s (truncated)', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('formatPlain', () => {
  it.each([
    [120, '120'],
    [152.3555556, '152.355556'],
    [0.5, '0.5'],
    [6.56100000001, '6.561'],
  ])('%d → %s', (n, text) => {
    expect(formatPlain(n)).toBe(text);
  });
});

describe('formatValue and formatStat', () => {
  const timeTrend: ValueFormat = { type: 'trend', contains: 'time' };
  const plainTrend: ValueFormat = { type: 'trend', contains: 'default' };
  const dataCounter: ValueFormat = { type: 'counter', contains: 'data' };
  const counter: ValueFormat = { type: 'counter', contains: 'default' };
  const rate: ValueFormat = { type: 'rate', contains: 'default' };

  it.each([
    [25.9, 'p(95)', timeTrend, '25.9ms'],
    [152.3555556, 'avg', plainTrend, '152.355556'],
    [6000, 'count', timeTrend, '6000'],
    [1_300_000, 'count', dataCounter, '1.3 MB'],
    [31_000, 'rate', dataCounter, '31 kB/s'],
    [199.9, 'rate', counter, '199.9/s'],
    [0.01, 'rate', rate, '1.00%'],
  ] as const)('%d as %s of %j → %s', (value, stat, format, text) => {
    expect(formatStat(value, stat, format, null)).toBe(text);
  });

  it('formats a rate metric as a percentage whatever it contains', () => {
    expect(formatValue(0.5, { type: 'rate', contains: 'time' }, null)).toBe('50.00%');
  });
});
