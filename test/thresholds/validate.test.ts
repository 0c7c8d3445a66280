import { describe, expect, it } from 'vitest';
import { validateThresholds } from '../../src/thresholds/validate.js';
import type { ResolvedThreshold } from '../../src/config/options.js';
import type { MetricKind } from '../../src/metrics/metric.js';
import { builtinMetric } from '../../src/metrics/builtin.js';

function t(metric: string, expression: string): ResolvedThreshold {
  return { metric, expression, abortOnFail: false, delayAbortEvalMs: 0, windowMs: undefined };
}

/** Built-ins plus one declared custom trend, as the coordinator's lookup would answer. */
const kindOf = (name: string): MetricKind | undefined => (name === 'item_time' ? 'trend' : builtinMetric(name)?.kind);

describe('validateThresholds', () => {
  it('returns no issues for valid thresholds on built-in, custom and sub-metrics', () => {
    const issues = validateThresholds(
      [
        t('http_req_duration', 'p(95)<300'),
        t('http_req_duration{status:200}', 'avg<100'),
        t('http_reqs', 'count>10'),
        t('http_reqs', 'rate>5'),
        t('http_req_failed', 'rate<0.01'),
        t('vus', 'value<100'),
        t('item_time', 'p(99.9)<1000'),
      ],
      kindOf,
    );
    expect(issues).toEqual([]);
  });

  it('reports an unparseable expression at its index under the key', () => {
    const issues = validateThresholds([t('http_req_duration', 'p(95)<300'), t('http_req_duration', 'count!20')], kindOf);
    expect(issues).toEqual([
      {
        path: 'options.thresholds["http_req_duration"][1]',
        message: expect.stringContaining('failed parsing threshold expression "count!20": unknown operator'),
      },
    ]);
  });

  it('reports an unparseable key once, at the key', () => {
    const issues = validateThresholds([t('http_req_duration{status}', 'avg<1'), t('http_req_duration{status}', 'avg<2')], kindOf);
    expect(issues).toEqual([
      { path: 'options.thresholds["http_req_duration{status}"]', message: expect.stringContaining('tag "status" has no value') },
    ]);
  });

  it("judges keys as k6's ParseMetricName does: the last '}' closes, spaces in a tag name are kept, an empty value is refused", () => {
    const keys = ['http_req_duration{name:http://${}.com}', 'http_req_duration{my tag:1}', 'http_req_duration{tag:}', 'http_req_duration{a}'];
    const issues = validateThresholds(keys.map((k) => t(k, 'avg<1')), kindOf);
    expect(issues).toEqual([
      { path: 'options.thresholds["http_req_duration{tag:}"]', message: expect.stringContaining('tag "tag:" has no value') },
      { path: 'options.thresholds["http_req_duration{a}"]', message: expect.stringContaining('tag "a" has no value') },
    ]);
  });

  it('reports an unknown metric once and suggests creating it in init code', () => {
    const issues = validateThresholds([t('my_counter', 'count<10'), t('my_counter', 'rate<1')], kindOf);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('options.thresholds["my_counter"]');
    expect(issues[0]?.message).toMatch(/my_counter.*neither a built-in.*create it in init code/);
  });

  it.each([
    ['http_reqs', 'p(95)<300', 'http_reqs is a counter; its thresholds can use count, rate'],
    ['http_req_failed', 'count<10', 'http_req_failed is a rate; its thresholds can use rate'],
    ['vus', 'max<10', 'vus is a gauge; its thresholds can use value'],
    ['http_req_duration', 'rate<10', 'http_req_duration is a trend; its thresholds can use avg, min, max, med, p(N)'],
    ['http_req_duration{status:200}', 'count<10', 'http_req_duration is a trend; its thresholds can use'],
  ])('rejects on %s the aggregation of %j', (metric, expression, message) => {
    const issues = validateThresholds([t(metric, expression)], kindOf);
    expect(issues).toEqual([{ path: `options.thresholds[${JSON.stringify(metric)}][0]`, message: expect.stringContaining(message) }]);
  });

  it('reports every issue at once, in order', () => {
    const issues = validateThresholds(
      [
        t('http_reqs', 'p(95)<300'),
        t('nope', 'avg<1'),
        t('http_req_duration', 'avg<<1'),
        t('http_req_duration', 'p(90)<1'),
        t('bad{', 'avg<1'),
      ],
      kindOf,
    );
    expect(issues.map((i) => i.path)).toEqual([
      'options.thresholds["http_reqs"][0]',
      'options.thresholds["nope"]',
      'options.thresholds["http_req_duration"][0]',
      'options.thresholds["bad{"]',
    ]);
  });

  it('still checks the expression grammar when the metric is unknown', () => {
    const issues = validateThresholds([t('nope', 'avg?1')], kindOf);
    expect(issues.map((i) => i.path)).toEqual(['options.thresholds["nope"]', 'options.thresholds["nope"][0]']);
  });
});
