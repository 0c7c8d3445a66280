import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../../src/errors.js';
import { parseSlos, splitSlo } from '../../src/capacity/slo.js';
import { builtinMetric } from '../../src/metrics/builtin.js';

const kindOf = (name: string) => (name === 'item_time' ? 'trend' : builtinMetric(name)?.kind);

function parse(...texts: string[]) {
  const issues: ConfigIssue[] = [];
  return { slos: parseSlos(texts, kindOf, issues), issues };
}

describe('splitSlo', () => {
  it.each([
    ['http_req_duration:p(99)<200', 'http_req_duration', 'p(99)<200'],
    ['http_req_duration{status:200}:p(99)<200', 'http_req_duration{status:200}', 'p(99)<200'],
    ['http_req_duration{name:http://x/{id}}:avg < 5', 'http_req_duration{name:http://x/{id}}', 'avg < 5'],
    [' http_req_failed : rate<0.01 ', 'http_req_failed', 'rate<0.01'],
  ])('%s → %s and %s', (text, key, expression) => {
    expect(splitSlo(text.trim())).toEqual({ key, expression });
  });

  it('has nothing to split without a colon after the key', () => {
    expect(splitSlo('http_req_duration{status:200}')).toBeUndefined();
    expect(splitSlo('http_req_duration')).toBeUndefined();
  });
});

describe('parseSlos', () => {
  it('reads the metric, the tag filter and the expression of each', () => {
    const { slos, issues } = parse('http_req_duration{status:200}:p(99)<200', 'http_req_failed:rate<0.01', 'item_time:p(95)<=50');
    expect(issues).toEqual([]);
    expect(slos.map((s) => [s.source, s.metric, s.filter, s.expr.stat])).toEqual([
      ['http_req_duration{status:200}:p(99)<200', 'http_req_duration', { status: '200' }, 'p(99)'],
      ['http_req_failed:rate<0.01', 'http_req_failed', {}, 'rate'],
      ['item_time:p(95)<=50', 'item_time', {}, 'p(95)'],
    ]);
  });

  it.each([
    ['http_req_duration', /must be METRIC:EXPRESSION/],
    ['http_req_duration:p(99)', /missing operator/],
    ['http_req_duration:p(99)<>1', /unknown operator/],
    ['http_req_duraton:p(99)<200', /neither a built-in metric nor created by the script/],
    ['http_req_failed:p(99)<0.1', /http_req_failed is a rate/],
    ['http_req_duration{status}:p(99)<200', /invalid threshold metric/],
  ])('refuses %s, saying why', (text, message) => {
    const { slos, issues } = parse(text);
    expect(slos).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(`--slo ${JSON.stringify(text)}`);
    expect(issues[0]!.message).toMatch(message);
  });

  it('needs at least one', () => {
    expect(parse().issues.map((i) => i.path)).toEqual(['--slo']);
  });

  it('reports every bad SLO at once and keeps the good ones', () => {
    const { slos, issues } = parse('nope', 'http_req_failed:rate<0.01', 'x:p(9)<1');
    expect(slos).toHaveLength(1);
    expect(issues).toHaveLength(2);
  });
});
