import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../../src/metrics/builtin.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { TagSet } from '../../src/metrics/tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import { buildScopes } from '../../src/coordinator/summary-scopes.js';

const tags = (scenario: string | undefined, group: string, extra: Record<string, string> = {}) =>
  TagSet.of({ ...(scenario === undefined ? {} : { scenario }), group, ...extra });

/**
 * Scenario `browse` makes 3 requests outside groups and 2 in `::cart`, with a passing check in each;
 * scenario `buy` makes 4 in `::cart` (one check failing) and 1 in `::cart::pay`; setup makes 1 in `::setup`.
 */
function store(): MetricStore {
  const w = new WorkerMetrics(() => {});
  const request = (t: TagSet, n: number) => {
    for (let i = 0; i < n; i++) w.add(BUILTIN.http_reqs, 1, t);
  };
  request(tags('browse', ''), 3);
  request(tags('browse', '::cart'), 2);
  request(tags('buy', '::cart'), 4);
  request(tags('buy', '::cart::pay'), 1);
  request(tags(undefined, '::setup'), 1);
  w.add(BUILTIN.checks, 1, tags('browse', '', { check: 'home ok' }));
  w.add(BUILTIN.checks, 1, tags('browse', '::cart', { check: 'cart ok' }));
  w.add(BUILTIN.checks, 1, tags('buy', '::cart', { check: 'cart ok' }));
  w.add(BUILTIN.checks, 0, tags('buy', '::cart', { check: 'cart ok' }));
  w.add(BUILTIN.group_duration, 5, tags('buy', '::cart'));
  const s = new MetricStore();
  s.merge(w.snapshot(), 0);
  return s;
}

describe('buildScopes', () => {
  const { groups, scenarios } = buildScopes({ store: store(), durationMs: 10_000, trendStats: ['avg', 'max'] });

  it('gives each scenario every sample tagged with it, groups included', () => {
    expect(Object.keys(scenarios)).toEqual(['browse', 'buy']);
    expect(scenarios.browse?.metrics.http_reqs?.values.count).toBe(5);
    expect(scenarios.buy?.metrics.http_reqs?.values.count).toBe(5);
    expect(scenarios.browse?.metrics.http_reqs?.values.rate).toBeCloseTo(0.5);
  });

  it("merges a scenario's checks by name across its groups", () => {
    expect(scenarios.browse?.checks.map((c) => [c.name, c.passes, c.fails])).toEqual([
      ['home ok', 1, 0],
      ['cart ok', 1, 0],
    ]);
    expect(scenarios.buy?.checks.map((c) => [c.name, c.passes, c.fails])).toEqual([['cart ok', 1, 1]]);
  });

  it('gives a top-level group its own samples across scenarios, without its sub-groups', () => {
    expect(Object.keys(groups)).toEqual(['cart', 'setup']);
    expect(groups.cart?.metrics.http_reqs?.values.count).toBe(6);
    expect(groups.cart?.metrics.checks?.values).toMatchObject({ passes: 2, fails: 1 });
    expect(groups.cart?.checks).toHaveLength(1);
    expect(groups.cart?.groups.pay?.metrics.http_reqs?.values.count).toBe(1);
    expect(groups.setup?.metrics.http_reqs?.values.count).toBe(1);
  });

  it("nests a scenario's groups under it, filtered by both tags", () => {
    expect(Object.keys(scenarios.browse?.groups ?? {})).toEqual(['cart']);
    expect(scenarios.browse?.groups.cart?.metrics.http_reqs?.values.count).toBe(2);
    expect(scenarios.buy?.groups.cart?.metrics.http_reqs?.values.count).toBe(4);
    expect(scenarios.buy?.groups.cart?.metrics.group_duration?.values.max).toBe(5);
    expect(scenarios.buy?.groups.cart?.groups.pay?.metrics.http_reqs?.values.count).toBe(1);
    expect(scenarios.browse?.groups.cart?.groups).toEqual({});
  });
});
