import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/config/consolidate.js';
import { ConfigError } from '../../src/errors.js';

const UA = 'volley/test';
const issuesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => i.path);
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('consolidate: k6 shortcuts', () => {
  it.each([
    [{}, {}, 'per-vu-iterations', { vus: 1, iterations: 1, maxDurationMs: 600_000 }],
    [{ vus: 5, duration: '10s' }, {}, 'constant-vus', { vus: 5, durationMs: 10_000 }],
    [{ iterations: 20 }, {}, 'shared-iterations', { vus: 1, iterations: 20, maxDurationMs: 600_000 }],
    [{ vus: 2, iterations: 20, duration: '5s' }, {}, 'shared-iterations', { vus: 2, iterations: 20, maxDurationMs: 5000 }],
    [{ vus: 5, duration: '10s' }, { vus: 7 }, 'constant-vus', { vus: 7, durationMs: 10_000 }],
    [{ vus: 3 }, {}, 'per-vu-iterations', { vus: 3, iterations: 1, maxDurationMs: 600_000 }],
  ])('options %j with flags %j → %s', (options, flags, executor, config) => {
    const resolved = consolidate(options, flags, UA);
    expect(resolved.scenarios).toHaveLength(1);
    expect(resolved.scenarios[0]).toMatchObject({ name: 'default', executor, config });
  });

  it('flag shortcuts replace the script scenarios (k6 rule)', () => {
    const resolved = consolidate({ scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s' } } }, { iterations: 4 }, UA);
    expect(resolved.scenarios.map((s) => s.name)).toEqual(['default']);
  });

  it('script scenarios win over script shortcuts', () => {
    const resolved = consolidate({ vus: 9, scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s' } } }, {}, UA);
    expect(resolved.scenarios.map((s) => s.name)).toEqual(['a']);
  });
});

describe('consolidate: defaults and common fields', () => {
  it('fills k6 defaults', () => {
    const r = consolidate({ scenarios: { a: { executor: 'constant-vus', duration: '1s' } } }, {}, UA);
    expect(r.scenarios[0]).toMatchObject({ gracefulStopMs: 30_000, startTimeMs: 0, exec: 'default', env: {}, tags: {} });
    expect(r).toMatchObject({ maxRedirects: 10, setupTimeoutMs: 60_000, teardownTimeoutMs: 60_000, userAgent: UA, summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'] });
    expect(r).toMatchObject({ noConnectionReuse: false, insecureSkipTLSVerify: false });
  });

  it("reads k6's insecureSkipTLSVerify, and rejects it when it is not a boolean", () => {
    expect(consolidate({ insecureSkipTLSVerify: true }, {}, UA).insecureSkipTLSVerify).toBe(true);
    expect(issuesOf(() => consolidate({ insecureSkipTLSVerify: 'yes' }, {}, UA))).toEqual(['options.insecureSkipTLSVerify']);
  });

  it('takes --no-connection-reuse and --insecure-skip-tls-verify over the script, and the script when they are absent', () => {
    const script = { noConnectionReuse: true, insecureSkipTLSVerify: true };
    expect(consolidate(script, {}, UA)).toMatchObject({ noConnectionReuse: true, insecureSkipTLSVerify: true });
    expect(consolidate(script, { noConnectionReuse: false, insecureSkipTLSVerify: false }, UA)).toMatchObject({ noConnectionReuse: false, insecureSkipTLSVerify: false });
    expect(consolidate({}, { noConnectionReuse: true, insecureSkipTLSVerify: true }, UA)).toMatchObject({ noConnectionReuse: true, insecureSkipTLSVerify: true });
  });

  it('merges --tag over options.tags and reads summaryTrendStats from flags first', () => {
    const r = consolidate({ tags: { a: '1', b: '2' }, summaryTrendStats: ['avg'] }, { tag: { b: '3' }, summaryTrendStats: ['p(99)', 'max'] }, UA);
    expect(r.tags).toEqual({ a: '1', b: '3' });
    expect(r.summaryTrendStats).toEqual(['p(99)', 'max']);
  });

  it.each([
    [{}, {}, null],
    [{ summaryTimeUnit: 'ms' }, {}, 'ms'],
    [{ summaryTimeUnit: 'ms' }, { summaryTimeUnit: 'us' }, 'us'],
    [{}, { summaryTimeUnit: 's' }, 's'],
    [{}, { summaryTimeUnit: '' }, null],
  ])("reads k6's summaryTimeUnit %j with flags %j as %j", (options, flags, unit) => {
    expect(consolidate(options, flags, UA).summaryTimeUnit).toBe(unit);
  });

  it.each([
    [{ summaryTimeUnit: 'm' }, {}, 'options.summaryTimeUnit'],
    [{}, { summaryTimeUnit: 'sec' }, '--summary-time-unit'],
  ])('refuses the summary time unit of %j / %j, as k6 does', (options, flags, path) => {
    expect(issuesOf(() => consolidate(options, flags, UA))).toEqual([path]);
  });

  it('flattens thresholds with their abort settings', () => {
    const r = consolidate({ thresholds: { http_req_duration: ['p(95)<300', { threshold: 'p(99)<900', abortOnFail: true, delayAbortEval: '10s' }] } }, {}, UA);
    expect(r.thresholds).toEqual([
      { metric: 'http_req_duration', expression: 'p(95)<300', abortOnFail: false, delayAbortEvalMs: 0, windowMs: undefined },
      { metric: 'http_req_duration', expression: 'p(99)<900', abortOnFail: true, delayAbortEvalMs: 10_000, windowMs: undefined },
    ]);
  });
});

describe('consolidate: every problem at once', () => {
  it('names each bad path', () => {
    const paths = issuesOf(() =>
      consolidate(
        {
          scenarios: {
            a: { executor: 'constant-vus', vus: 0, duration: 'never', rate: 3 },
            b: { executor: 'nope' },
            c: { executor: 'shared-iterations', vus: 10, iterations: 5 },
          },
          thresholds: { x: [{ threshold: 'count>1', window: 'later' }] },
          maxRedirects: -1,
        },
        {},
        UA,
      ),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'options.scenarios.a.vus',
        'options.scenarios.a.duration',
        'options.scenarios.a.rate',
        'options.scenarios.b.executor',
        'options.scenarios.c.iterations',
        'options.thresholds["x"][0].window',
        'options.maxRedirects',
      ]),
    );
  });

  it('rejects options that are not an object', () => {
    expect(issuesOf(() => consolidate(42, {}, UA))).toEqual(['options']);
  });

  it('rejects a malformed --stage', () => {
    expect(issuesOf(() => consolidate({}, { stage: ['10s'] }, UA))).toContain('--stage');
  });
});

describe("consolidate: every duration option read by k6's parser", () => {
  const scenario = (executor: string, fields: Record<string, unknown>) => consolidate({ scenarios: { s: { executor, ...fields } } }, {}, UA).scenarios[0]!;

  it('reads a bare number, or a number in a string, as milliseconds (as k6 does), days, fractions and signs', () => {
    expect(scenario('constant-vus', { duration: '2' }).config).toMatchObject({ durationMs: 2 });
    expect(scenario('constant-vus', { duration: 2500 }).config).toMatchObject({ durationMs: 2500 });
    expect(scenario('constant-vus', { duration: '1d2h' }).config).toMatchObject({ durationMs: 26 * 3_600_000 });
    expect(scenario('constant-vus', { duration: '.5s', startTime: '+1s', gracefulStop: '1.5m' })).toMatchObject({
      config: { durationMs: 500 },
      startTimeMs: 1000,
      gracefulStopMs: 90_000,
    });
    expect(scenario('ramping-vus', { stages: [{ duration: '1d', target: 1 }, { duration: '250', target: 0 }], gracefulRampDown: '2' }).config).toMatchObject({
      stages: [{ durationMs: 86_400_000 }, { durationMs: 250 }],
      gracefulRampDownMs: 2,
    });
    expect(scenario('constant-arrival-rate', { rate: 1, timeUnit: '1d', duration: '1s', preAllocatedVUs: 1 }).config).toMatchObject({ timeUnitMs: 86_400_000 });
    expect(scenario('shared-iterations', { iterations: 1, maxDuration: '1.5h' }).config).toMatchObject({ maxDurationMs: 5_400_000 });
    expect(scenario('per-vu-iterations', { iterations: 1, maxDuration: '5000' }).config).toMatchObject({ maxDurationMs: 5000 });
    const top = consolidate({ setupTimeout: '5000', teardownTimeout: '1d', thresholds: { http_reqs: [{ threshold: 'count>0', window: '1d', delayAbortEval: '500' }] } }, {}, UA);
    expect(top).toMatchObject({ setupTimeoutMs: 5000, teardownTimeoutMs: 86_400_000 });
    expect(top.thresholds[0]).toMatchObject({ windowMs: 86_400_000, delayAbortEvalMs: 500 });
  });

  it('refuses a negative duration as every k6 option does, and names the unknown unit', () => {
    const err = (() => {
      try {
        consolidate({ scenarios: { s: { executor: 'constant-vus', duration: '1x', gracefulStop: '-1s' } } }, {}, UA);
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(err.issues).toEqual(
      expect.arrayContaining([
        { path: 'options.scenarios.s.duration', message: expect.stringContaining('unknown unit "x" in duration "1x"') },
        { path: 'options.scenarios.s.gracefulStop', message: `can't be negative (got "-1s")` },
      ]),
    );
  });

  it.each([
    [{ duration: '30' }, '--duration'],
    [{ stage: ['30:10'] }, '--stage'],
    [{ duration: '1.5' }, '--duration'],
  ])('refuses the unitless flag %j as k6 does (missing unit)', (flags, path) => {
    try {
      consolidate({}, flags, UA);
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as ConfigError).issues).toEqual([{ path, message: expect.stringMatching(/^missing unit in duration "[\d.]+": write its unit/) }]);
    }
  });

  it('takes days and fractions in flags', () => {
    expect(consolidate({}, { duration: '1d' }, UA).scenarios[0]!.config).toMatchObject({ durationMs: 86_400_000 });
    expect(consolidate({}, { stage: ['.5s:2'] }, UA).scenarios[0]!.config).toMatchObject({ stages: [{ durationMs: 500, target: 2 }] });
  });
});
