import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/config/consolidate.js';
import { planScenarios, workerCount, workerShare } from '../../src/coordinator/plan.js';

const options = consolidate(
  {
    scenarios: {
      a: { executor: 'shared-iterations', vus: 7, iterations: 100 },
      b: { executor: 'constant-vus', vus: 3, duration: '10s', startTime: '2s' },
    },
  },
  {},
  'volley/test',
);
const planned = planScenarios(options);

describe('plan', () => {
  it('plans max VUs and the longest duration including gracefulStop', () => {
    expect(planned.map((p) => p.plan)).toEqual([
      { maxVUs: 7, maxDurationMs: 630_000, iterations: 100 },
      { maxVUs: 3, maxDurationMs: 40_000 },
    ]);
  });

  it('plans the iterations a fixed-count scenario runs in all (what its progress counts towards)', () => {
    const fixed = consolidate({ scenarios: { s: { executor: 'shared-iterations', vus: 2, iterations: 9 }, p: { executor: 'per-vu-iterations', vus: 3, iterations: 4 } } }, {}, 'volley/test');
    expect(planScenarios(fixed).map((p) => p.plan.iterations)).toEqual([9, 12]);
  });

  it('never starts more workers than VUs', () => {
    expect(workerCount(undefined, 2, planned)).toBe(2);
    expect(workerCount(64, 2, planned)).toBe(10);
  });

  it.each([1, 2, 3, 4])('shares VUs and iterations exactly over %i workers, with unique VU ids', (n) => {
    const shares = Array.from({ length: n }, (_, i) => workerShare(planned, i, n));
    const ids = shares.flatMap((s) => s.flatMap((sc) => Array.from({ length: sc.vus }, (_, k) => sc.vuIdBase + k + 1)));
    expect(ids.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(shares.reduce((sum, s) => sum + (s[0]!.config.iterations as number), 0)).toBe(100);
    expect(shares.every((s) => s[1]!.startTimeMs === 2000 && s[1]!.durationMs === 10_000)).toBe(true);
  });
});
