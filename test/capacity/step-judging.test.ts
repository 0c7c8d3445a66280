/** A step's seconds → its measures → its verdict: what is judged (the hold only), what the generator limited. */
import { describe, expect, it } from 'vitest';
import { StepWindow, type StepPlan } from '../../src/capacity/step-window.js';
import { judgeStep } from '../../src/capacity/judge-step.js';
import { generatorLimit, type GeneratorSigns } from '../../src/capacity/generator-limits.js';
import { parseSlos } from '../../src/capacity/slo.js';
import { builtinMetric } from '../../src/metrics/builtin.js';
import { closedSecond, times } from '../support/closed-second.js';

const SLOS = parseSlos(['http_req_duration:p(99)<100', 'http_req_failed:rate<0.01'], (m) => builtinMetric(m)?.kind, []);
// Step 2 of a run: 200/s from 10 s, 5 s long, the first 2 s warming up: seconds 10–14, judged 12–14.
const PLAN: StepPlan = { index: 2, rate: 200, startMs: 10_000, stepMs: 5000, warmupMs: 2000 };
const GENERATOR = { maxVus: 100, cpuShare: 0.1, cores: 2 };

function window(seconds: Parameters<typeof closedSecond>[1][]): StepWindow {
  const w = new StepWindow(PLAN, SLOS, (m) => builtinMetric(m));
  seconds.forEach((s, i) => w.add(closedSecond(10 + i, s)));
  return w;
}

const healthy = { durations: times(200, 20), failed: { of: 200, failed: 0 }, iterations: 200, startLags: times(200, 1) };

describe('judging a step', () => {
  it('judges the SLOs on the hold only: a slow warm-up does not fail the step', () => {
    const slowStart = { ...healthy, durations: times(200, 900) };
    const j = judgeStep(PLAN, window([slowStart, slowStart, healthy, healthy, healthy]).measures(), SLOS, GENERATOR);
    expect(j.verdict).toEqual({ kind: 'pass' });
    expect(j.step).toMatchObject({ rate: 200, achievedRate: 200, warmupMs: 2000, holdMs: 3000, droppedIterations: 0, lowerBound: false });
    expect(j.step.slos['http_req_duration:p(99)<100']).toEqual({ value: expect.closeTo(20, 0), ok: true });
    expect(j.step.slos['http_req_failed:rate<0.01']).toEqual({ value: 0, ok: true });
  });

  it('fails a step whose hold breaks an SLO, naming each broken one in order', () => {
    const failing = { ...healthy, failed: { of: 200, failed: 10 } };
    const slow = { ...failing, durations: [...times(190, 20), ...times(10, 400)] };
    const j = judgeStep(PLAN, window([healthy, healthy, slow, failing, failing]).measures(), SLOS, GENERATOR);
    expect(j.verdict).toEqual({ kind: 'fail' });
    expect(j.failed.map((f) => f.slo)).toEqual(['http_req_duration:p(99)<100', 'http_req_failed:rate<0.01']);
    expect(j.step.slos['http_req_failed:rate<0.01']!.value).toBeCloseTo(0.05, 6);
  });

  it('fails an SLO without a sample in the hold, with no value', () => {
    const j = judgeStep(PLAN, window([healthy, healthy, { iterations: 200 }, { iterations: 200 }, { iterations: 200 }]).measures(), SLOS, GENERATOR);
    expect(j.step.slos['http_req_duration:p(99)<100']).toEqual({ value: null, ok: false });
  });

  it('says which SLOs had any sample in the whole step (a metric the script never emits has none)', () => {
    const m = window([{ durations: [20] }, {}, {}, {}, {}]).measures();
    expect(m.sloSeen).toEqual([true, false]);
  });

  it('counts dropped iterations over the whole step, warm-up included, and calls the step limited by the generator', () => {
    const j = judgeStep(PLAN, window([{ ...healthy, dropped: 7 }, healthy, healthy, healthy, healthy]).measures(), SLOS, GENERATOR);
    expect(j.step).toMatchObject({ droppedIterations: 7, lowerBound: true });
    expect(j.verdict).toEqual({ kind: 'limited', reason: '7 iterations were dropped: all 100 VUs were busy when they were due (raise --max-vus)' });
  });

  it('measures the start lag of the hold’s first and second half, and the busiest worker over the hold', () => {
    const w = window([healthy, healthy, { startLags: [2, 4] }, { startLags: [10] }, { startLags: [100, 300] }]);
    w.addBusy(0, 11, 1, 1000); // warm-up: not counted
    w.addBusy(0, 12, 0.5, 1000);
    w.addBusy(1, 12, 0.2, 1000);
    w.addBusy(1, 13, 0.4, 1000);
    const m = w.measures();
    expect(m.startLagMs.early).toBeCloseTo(3, 1);
    expect(m.startLagMs.late).toBeCloseTo(410 / 3, 0);
    expect(m.busiestWorker).toEqual({ worker: 0, busy: 0.5 });
  });

  it('knows its seconds', () => {
    const w = window([]);
    expect([w.first, w.holdFrom, w.end]).toEqual([10, 12, 15]);
    expect([9, 10, 14, 15].map((i) => w.holds(i))).toEqual([false, true, true, false]);
  });
});

describe('generatorLimit', () => {
  const calm: GeneratorSigns = { droppedIterations: 0, maxVus: 50, startLagMs: { early: 1, late: 2 }, busiestWorker: { worker: 0, busy: 0.3 }, cpuShare: 0.2, cores: 2 };
  it.each([
    ['a calm generator', {}, undefined],
    ['dropped iterations', { droppedIterations: 3 }, /^3 iterations were dropped: all 50 VUs were busy/],
    ['a start lag that grows past 50 ms', { startLagMs: { early: 20, late: 120 } }, /start lag grew from 20 ms to 120 ms/],
    ['a start lag that is high but steady', { startLagMs: { early: 60, late: 70 } }, undefined],
    ['a steady small lag', { startLagMs: { early: 10, late: 30 } }, undefined],
    ['a late second with nothing to compare it with (a one-second hold)', { startLagMs: { early: undefined, late: 200 } }, undefined],
    ['a saturated event loop', { busiestWorker: { worker: 1, busy: 0.95 } }, /^load worker 2's event loop was busy 95% of the step/],
    ['a saturated machine', { cpuShare: 0.93 }, /^volley used 93% of the machine's 2 cores/],
  ])('%s', (_, over, reason) => {
    const found = generatorLimit({ ...calm, ...over });
    if (reason === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(reason);
  });
});
