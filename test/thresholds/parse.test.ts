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

describe("readMetricKey: k6's ParseMetricName cases (grafana/k6 metrics/metric_test.go)", () => {
  it.each<[string, string, { metric: string; filter: Record<string, string> } | 'error']>([
    ['metric name without tags', 'test_metric', { metric: 'test_metric', filter: {} }],
    ['metric name with single tag', 'test_metric{abc:123}', { metric: 'test_metric', filter: { abc: '123' } }],
    ['metric name with multiple tags', 'test_metric{abc:123,easyas:doremi}', { metric: 'test_metric', filter: { abc: '123', easyas: 'doremi' } }],
    ['metric name with multiple spaced tags', 'test_metric{abc:123, easyas:doremi}', { metric: 'test_metric', filter: { abc: '123', easyas: 'doremi' } }],
    ['metric name with group tag', 'test_metric{group:::mygroup}', { metric: 'test_metric', filter: { group: '::mygroup' } }],
    // k6 issue 2512: the last "}" closes the key
    ['repeated curly braces tokens in tags definition', 'http_req_duration{name:http://${}.com}', { metric: 'http_req_duration', filter: { name: 'http://${}.com' } }],
    [
      'repeated curly braces and colon tokens in tags definition',
      'http_req_duration{name:http://${}.com,url:ssh://github.com:grafana/k6}',
      { metric: 'http_req_duration', filter: { name: 'http://${}.com', url: 'ssh://github.com:grafana/k6' } },
    ],
    ['tag definition missing `:value`', 'test_metric{easyas}', 'error'],
    ['tag definition missing value', 'test_metric{easyas:}', 'error'],
    ['mixed valid and invalid tag definitions', 'test_metric{abc:123,easyas:}', 'error'],
    ['unmatched opening tags definition token', 'test_metric{abc:123,easyas:doremi', 'error'],
    ['unmatched closing tags definition token', 'test_metricabc:123,easyas:doremi}', 'error'],
    ['invalid starting tags definition token', 'test_metric}abc:123,easyas:doremi}', 'error'],
    ['invalid curly braces in tags definition', 'test_metric}abc{bar', 'error'],
    ['trailing characters after closing curly brace', 'test_metric{foo:ba}r', 'error'],
  ])('%s: %j', (_name, key, expected) => {
    const r = readMetricKey(key);
    if (expected === 'error') expect(r).toEqual({ ok: false, message: expect.any(String) });
    else expect(r).toEqual({ ok: true, value: expected });
  });
});

describe("readMetricKey: k6's AddSubmetric cases, the tag filter a key builds (metrics/metric_test.go)", () => {
  it.each<[string, Record<string, string> | 'error']>([
    ['', 'error'],
    ['  ', 'error'],
    ['a', 'error'], // AddSubmetric takes it as a:"", but ParseMetricName rejects the threshold first
    ['a:1', { a: '1' }],
    [' a : 1 ', { a: '1' }],
    ['a,b', 'error'], // likewise
    [` a:"",b: ''`, { a: '', b: '' }],
    ['a:1,b:2', { a: '1', b: '2' }],
    [' a : 1, b : 2 ', { a: '1', b: '2' }],
    [`a : '1' , b : "2"`, { a: '1', b: '2' }],
    [`" a" : ' 1' , b : "2 " `, { ' a': ' 1', b: '2 ' }],
  ])('metric{%s} → %j', (body, expected) => {
    const r = readMetricKey(`metric{${body}}`);
    if (expected === 'error') expect(r).toEqual({ ok: false, message: expect.any(String) });
    else expect(r).toEqual({ ok: true, value: { metric: 'metric', filter: expected } });
  });
});

describe('readMetricKey: more of the same grammar', () => {
  it.each([
    ['http_req_duration{status:200,method:GET}', 'http_req_duration', { status: '200', method: 'GET' }],
    ['http_req_duration{expected_response:true}', 'http_req_duration', { expected_response: 'true' }],
    ['http_req_duration{name:http://x/a?b=c}', 'http_req_duration', { name: 'http://x/a?b=c' }],
    ['http_req_duration{name:GET /items list}', 'http_req_duration', { name: 'GET /items list' }],
    ['my_metric{my tag:1}', 'my_metric', { 'my tag': '1' }], // k6 keeps spaces inside a tag name
    ['my_metric{a{b:1}', 'my_metric', { 'a{b': '1' }],
    ['my_metric{a: }', 'my_metric', { a: '' }], // k6 checks the value before trimming it
    [`checks{type:'"read"'}`, 'checks', { type: 'read' }], // every quote at the ends goes, as strings.Trim does
    ['checks{status:200,status:500}', 'checks', { status: '500' }], // the last wins, as in k6
    ['checks{__proto__:x}', 'checks', { ['__proto__']: 'x' }],
    ['_private', '_private', {}],
  ])('parses %j', (key, metric, filter) => {
    const r = readMetricKey(key);
    expect(r).toEqual({ ok: true, value: { metric, filter } });
    if (r.ok) expect(Object.getPrototypeOf(r.value.filter)).toBe(Object.prototype);
  });

  it.each([
    ['', 'the metric name is empty'],
    ['{status:200}', 'the metric name is empty'],
    ['1metric', 'is not a metric name'],
    ['http-req', 'is not a metric name'],
    [' http_reqs', 'is not a metric name'], // k6 finds no metric named " http_reqs"
    ['http_reqs {status:200}', 'is not a metric name'],
    ['http_req_duration{status:200', 'missing the closing "}"'],
    ['http_req_duration}', '"}" without a matching "{"'],
    ['http_req_duration}{', '"}" before "{"'],
    ['http_req_duration{status:200}x', 'unexpected "x" after the last "}"'],
    ['http_req_duration{status:200} ', 'unexpected " " after the last "}"'],
    ['http_req_duration{status}', 'tag "status" has no value'],
    ['http_req_duration{status:}', 'tag "status:" has no value'],
    ['http_req_duration{}', 'an empty tag'],
    ['http_req_duration{ , }', 'an empty tag'],
    ['checks{type:read,}', 'an empty tag'],
    ['http_req_duration{:200}', '":200" has no tag name'],
    ["http_req_duration{'':200}", `"'':200" has no tag name`],
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
