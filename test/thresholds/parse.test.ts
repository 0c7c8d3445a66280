import { describe, expect, it } from 'vitest';
import {
  parseMetricKey,
  parseThresholdExpression,
  readMetricKey,
  readThresholdExpression,
} from '../../src/thresholds/parse.js';
import { ConfigError } from '../../src/errors.js';

describe('readThresholdExpression', () => {
  it.each([
    ['p(95)<300', 'p', 95, 'p(95)', '<', 300],
    ['p(99.9) <= 1000', 'p', 99.9, 'p(99.9)', '<=', 1000],
    ['p(0)>0', 'p', 0, 'p(0)', '>', 0],
    ['p(100)>=5', 'p', 100, 'p(100)', '>=', 5],
    ['p( 90 ) < 20', 'p', 90, 'p(90)', '<', 20],
    ['p(95.0)<1', 'p', 95, 'p(95)', '<', 1],
    ['avg<200', 'avg', undefined, 'avg', '<', 200],
    ['min > 1.5', 'min', undefined, 'min', '>', 1.5],
    ['max<=1e3', 'max', undefined, 'max', '<=', 1000],
    ['med>=.5', 'med', undefined, 'med', '>=', 0.5],
    ['count==20', 'count', undefined, 'count', '==', 20],
    ['count===20', 'count', undefined, 'count', '===', 20],
    ['count!=0', 'count', undefined, 'count', '!=', 0],
    ['rate<0.01', 'rate', undefined, 'rate', '<', 0.01],
    ['value>-5', 'value', undefined, 'value', '>', -5],
    ['value >= -0.25', 'value', undefined, 'value', '>=', -0.25],
    ['  rate  <  +1  ', 'rate', undefined, 'rate', '<', 1],
    ['avg\t<\t10', 'avg', undefined, 'avg', '<', 10],
  ] as const)('parses %j', (text, aggregation, percentile, stat, operator, value) => {
    const r = readThresholdExpression(text);
    expect(r).toEqual({ ok: true, value: { source: text, aggregation, percentile, stat, operator, value } });
  });

  it.each([
    ['count!20', 'unknown operator "!"'],
    ['count=20', 'unknown operator "="'],
    ['p(95)=<300', 'unknown operator "=<"'],
    ['p(95)<>300', 'unknown operator "<>"'],
    ['p(95) 300', 'missing operator'],
    ['', 'the expression is empty'],
    ['   ', 'the expression is empty'],
    ['<300', 'missing the aggregation method'],
    ['p95<300', 'unknown aggregation method "p95"'],
    ['mean<300', 'unknown aggregation method "mean"'],
    ['AVG<300', 'unknown aggregation method "AVG"'],
    ['p(abc)<300', 'malformed percentile "p(abc)"'],
    ['p()<300', 'malformed percentile "p()"'],
    ['p(-5)<300', 'malformed percentile "p(-5)"'],
    ['p(95<300', 'malformed percentile "p(95"'],
    ['p(100.1)<300', 'percentile 100.1 is out of range'],
    ['p(101)<300', 'percentile 101 is out of range'],
    ['avg<', 'missing the value to compare with'],
    ['avg<300ms', '"300ms" is not a number'],
    ['avg<1.2.3', '"1.2.3" is not a number'],
    ['rate<0.01 extra', '"0.01 extra" is not a number'],
    ['avg<abc', '"abc" is not a number'],
  ])('rejects %j: %s', (text, reason) => {
    const r = readThresholdExpression(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(reason);
  });

  it('wraps the input in the message', () => {
    const r = readThresholdExpression('count!20');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^failed parsing threshold expression "count!20": unknown operator/) });
  });
});

describe('parseThresholdExpression', () => {
  it('returns the expression when valid', () => {
    expect(parseThresholdExpression('p(99)<800').stat).toBe('p(99)');
  });

  it('throws a ConfigError carrying the message when invalid', () => {
    expect(() => parseThresholdExpression('count!20')).toThrow(ConfigError);
    expect(() => parseThresholdExpression('count!20')).toThrow(/failed parsing threshold expression "count!20": unknown operator/);
  });
});

describe('readMetricKey', () => {
  it.each([
    ['http_req_duration', 'http_req_duration', {}],
    ['http_req_duration{status:200}', 'http_req_duration', { status: '200' }],
    ['http_req_duration{name:login}', 'http_req_duration', { name: 'login' }],
    ['http_req_duration{scenario:x}', 'http_req_duration', { scenario: 'x' }],
    ['http_req_duration{expected_response:true}', 'http_req_duration', { expected_response: 'true' }],
    ['http_req_duration{status:200,method:GET}', 'http_req_duration', { status: '200', method: 'GET' }],
    ['http_req_duration{ status : 200 , method:GET }', 'http_req_duration', { status: '200', method: 'GET' }],
    ['  http_req_duration  { status:200 }  ', 'http_req_duration', { status: '200' }],
    ['http_req_duration{name:http://x/a?b=c}', 'http_req_duration', { name: 'http://x/a?b=c' }],
    ['http_req_duration{name:GET /items list}', 'http_req_duration', { name: 'GET /items list' }],
    ["checks{type:'read'}", 'checks', { type: 'read' }],
    ['checks{"type":"read"}', 'checks', { type: 'read' }],
    ['checks{type:read,}', 'checks', { type: 'read' }],
    ['my_metric{tag:}', 'my_metric', { tag: '' }],
    ['_private', '_private', {}],
  ])('parses %j', (key, metric, filter) => {
    expect(readMetricKey(key)).toEqual({ ok: true, value: { metric, filter } });
  });

  it.each([
    ['', 'the metric name is empty'],
    ['{status:200}', 'the metric name is empty'],
    ['1metric', 'is not a metric name'],
    ['http-req', 'is not a metric name'],
    ['http_req_duration{status:200', 'missing the closing "}"'],
    ['http_req_duration}', '"}" without a matching "{"'],
    ['http_req_duration{status:200}x', 'unexpected "x" after "}"'],
    ['http_req_duration{status}', 'tag "status" has no value'],
    ['http_req_duration{}', 'no tags between "{" and "}"'],
    ['http_req_duration{ , }', 'no tags between "{" and "}"'],
    ['http_req_duration{:200}', '":200" is not a tag:value pair'],
    ['http_req_duration{status:200,status:500}', 'tag "status" is given twice'],
  ])('rejects %j: %s', (key, reason) => {
    const r = readMetricKey(key);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(reason);
  });

  it('quotes the key in the message', () => {
    const r = readMetricKey('http_req_duration{status}');
    expect(r.ok ? '' : r.message).toMatch(/^invalid threshold metric "http_req_duration\{status\}": /);
  });
});

describe('parseMetricKey', () => {
  it('returns the metric and filter when valid', () => {
    expect(parseMetricKey('checks{type:read}')).toEqual({ metric: 'checks', filter: { type: 'read' } });
  });

  it('throws a ConfigError when invalid', () => {
    expect(() => parseMetricKey('x{')).toThrow(ConfigError);
  });
});
