import { describe, expect, it } from 'vitest';
import { BreakingPoints } from '../../src/coordinator/breaking-point.js';
import { offeredLoadOf } from '../../src/coordinator/offered-load.js';
import { Thresholds, type ThresholdResult } from '../../src/thresholds/thresholds.js';
import type { ResolvedOptions, ResolvedScenario } from '../../src/config/options.js';
import { closedSecond, times } from '../support/closed-second.js';

const P99 = Thresholds.from([{ metric: 'http_req_duration', expression: 'p(99)<100', abortOnFail: true, delayAbortEvalMs: 0, windowMs: undefined }]);
const failure = (observed: number): ThresholdResult => ({ key: 'http_req_duration', expression: 'p(99)<100', ok: false, observed, abortOnFail: true, delayAbortEvalMs: 0 });
const vusLoad = (b: { store: import('../../src/metrics/metric-store.js').MetricStore }) => ({ load: b.store.view('vus', {}, 1000)?.value('max') ?? 0, unit: 'vus' as const });

describe('BreakingPoints', () => {
  it('breaks at the first second of the failing stretch that led to the abort, with that second’s own value and load', () => {
    const bp = new BreakingPoints(P99, vusLoad);
    bp.addSecond(closedSecond(0, { durations: times(100, 500), vus: 5 })); // a cold start that recovered
    bp.addSecond(closedSecond(1, { durations: times(100, 20), vus: 10 }));
    bp.addSecond(closedSecond(2, { vus: 15 })); // no sample: changes nothing
    bp.addSecond(closedSecond(3, { durations: times(100, 250), vus: 20 }));
    bp.addSecond(closedSecond(4, { durations: times(100, 800), vus: 25 }));
    expect(bp.aborted([failure(140)])).toEqual({ atMs: 3000, load: 20, unit: 'vus', threshold: 'http_req_duration:p(99)<100', value: expect.closeTo(250, 0) });
    expect(bp.point?.atMs).toBe(3000);
  });

  it('breaks at the abort’s second, with the cumulative value, when no second failed on its own', () => {
    const bp = new BreakingPoints(P99, vusLoad);
    bp.addSecond(closedSecond(0, { durations: times(100, 20), vus: 3 }));
    bp.addSecond(closedSecond(1, { durations: times(100, 30), vus: 4 }));
    expect(bp.aborted([failure(120)])).toEqual({ atMs: 1000, load: 4, unit: 'vus', threshold: 'http_req_duration:p(99)<100', value: 120 });
  });

  it('keeps the first answer: later seconds change nothing', () => {
    const bp = new BreakingPoints(P99, vusLoad);
    bp.addSecond(closedSecond(0, { durations: times(10, 300), vus: 1 }));
    const first = bp.aborted([failure(300)]);
    bp.addSecond(closedSecond(1, { durations: times(10, 900), vus: 9 }));
    expect(bp.aborted([failure(900)])).toEqual(first);
  });
});

const scenario = (executor: string, config: Record<string, unknown>, startTimeMs = 0): ResolvedScenario => ({ name: executor, executor, config, startTimeMs, gracefulStopMs: 0, exec: 'default', env: {}, tags: {} });
const options = (...scenarios: ResolvedScenario[]) => ({ scenarios }) as unknown as ResolvedOptions;

describe('offeredLoadOf', () => {
  it('reads a ramping arrival rate off its schedule: the iterations it asked for in that second', () => {
    const load = offeredLoadOf(options(scenario('ramping-arrival-rate', { startRate: 100, timeUnitMs: 1000, stages: [{ durationMs: 40_000, target: 800 }] })));
    expect(load(closedSecond(0, {}))).toEqual({ load: 108.75, unit: 'iterations/s' });
    expect(load(closedSecond(20, {}))).toEqual({ load: 458.75, unit: 'iterations/s' });
    expect(load(closedSecond(45, {}))).toEqual({ load: 0, unit: 'iterations/s' });
  });

  it('adds up arrival-rate scenarios, each from its startTime and in its timeUnit', () => {
    const load = offeredLoadOf(options(scenario('constant-arrival-rate', { rate: 30, timeUnitMs: 60_000, durationMs: 10_000 }), scenario('constant-arrival-rate', { rate: 5, timeUnitMs: 1000, durationMs: 10_000 }, 2000)));
    expect(load(closedSecond(1, {})).load).toBe(0.5);
    expect(load(closedSecond(3, {})).load).toBe(5.5);
  });

  it('counts VUs when some scenario is closed-model', () => {
    const load = offeredLoadOf(options(scenario('constant-vus', { vus: 10, durationMs: 1000 }), scenario('constant-arrival-rate', { rate: 5, timeUnitMs: 1000, durationMs: 10_000 })));
    expect(load(closedSecond(0, { vus: 12 }))).toEqual({ load: 12, unit: 'vus' });
  });
});
