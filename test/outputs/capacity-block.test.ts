import { describe, expect, it } from 'vitest';
import { textSummary } from '../../src/outputs/text-summary.js';
import { stepLine, sloFormatter } from '../../src/outputs/capacity-block.js';
import type { SummaryData } from '../../src/outputs/summary-data.js';
import type { CapacityResult, CapacityStep } from '../../src/capacity/result.js';
import { capacityResult } from '../../src/capacity/capacity-result.js';
import { recordStep, startSearch } from '../../src/capacity/search.js';
import type { StepJudgement } from '../../src/capacity/judge-step.js';
import { summaryFixture } from './summary-fixture.js';

const step = (rate: number, p99: number, ok: boolean, over: Partial<CapacityStep> = {}): CapacityStep => ({
  rate, achievedRate: rate, warmupMs: 3000, holdMs: 7000, droppedIterations: 0, lowerBound: false,
  slos: { 'http_req_duration:p(99)<100': { value: p99, ok }, 'http_req_failed:rate<0.01': { value: 0, ok: true } },
  ...over,
});

function withCapacity(capacity: CapacityResult): SummaryData {
  return { ...summaryFixture(), capacity };
}

describe('the CAPACITY block', () => {
  const result: CapacityResult = {
    sustainableRate: 336, lowerBound: false, reason: '336/s met every SLO and 351/s broke http_req_duration:p(99)<100: within the 5% precision',
    firstFailedSlo: { slo: 'http_req_duration:p(99)<100', value: 142, atRate: 351 },
    steps: [step(50, 21.3, true), step(400, 1690, false, { achievedRate: 331.4 }), step(336, 62, true), step(351, 142, false)],
  };

  it('has a row per step with the rate offered and achieved, each SLO’s value with ✓/✗, and the drops, then the answer', () => {
    const text = textSummary(withCapacity(result));
    expect(text).toContain('█ CAPACITY');
    expect(text).toMatch(/step +offered +achieved +http_req_duration:p\(99\)<100 +http_req_failed:rate<0.01 +dropped/);
    expect(text).toMatch(/1 +400\/s +331.4\/s +✗ 1.69s +✓ 0.00% +0/);
    expect(text).toMatch(/3 +351\/s +351\/s +✗ 142ms/);
    expect(text).toContain('sustainable rate: 336/s meeting every SLO');
    expect(text).toContain(result.reason);
    expect(text.indexOf('CAPACITY')).toBeLessThan(text.indexOf('TOTAL RESULTS'));
  });

  it('says a lower bound is one, and marks the step the generator limited', () => {
    const text = textSummary(withCapacity({ ...result, sustainableRate: 100, lowerBound: true, reason: 'the generator limited the step at 200/s', steps: [step(100, 20, true), step(200, 20, true, { droppedIterations: 12, lowerBound: true })] }));
    expect(text).toContain('sustainable rate: at least 100/s meeting every SLO (a lower bound: the generator limited the search)');
    expect(text).toMatch(/12 \(generator limit\)/);
  });

  it('says the capacity is below the start rate when no step passed', () => {
    expect(textSummary(withCapacity({ ...result, sustainableRate: null, steps: [step(50, 900, false)] }))).toContain('sustainable rate: below 50/s');
  });

  it('says so when no step was judged, or the generator limited the first', () => {
    expect(textSummary(withCapacity({ ...result, sustainableRate: null, steps: [] }))).toContain('sustainable rate: none (no step was judged)');
    expect(textSummary(withCapacity({ ...result, sustainableRate: null, lowerBound: true, steps: [step(50, 20, true, { lowerBound: true })] }))).toContain('sustainable rate: unknown (the generator limited the first step)');
  });

  it('is absent from an ordinary run’s summary', () => {
    expect(textSummary(summaryFixture())).not.toContain('CAPACITY');
  });

  it('prints each step as one progress line', () => {
    const format = sloFormatter((m) => (m === 'http_req_duration' ? { type: 'trend', contains: 'time' } : { type: 'rate', contains: 'default' }), null);
    expect(stepLine(3, step(351, 142.5, false), format)).toBe('step 3: 351/s offered, 351/s achieved; http_req_duration:p(99)<100 142.5ms ✗, http_req_failed:rate<0.01 0.00% ✓: fail');
  });
});

describe('capacityResult', () => {
  const judged = (rate: number, verdict: StepJudgement['verdict'], failed: string[] = []): StepJudgement => ({ step: step(rate, 0, verdict.kind === 'pass'), verdict, failed: failed.map((slo) => ({ slo, value: 1 })) });

  it('names the first SLO broken at the lowest failing rate', () => {
    let s = startSearch({ startRate: 100, maxRate: 1000, precision: 0.5 });
    const steps = [judged(100, { kind: 'pass' }), judged(200, { kind: 'fail' }, ['b', 'a']), judged(141, { kind: 'fail' }, ['a'])];
    for (const j of steps) s = recordStep(s, j.verdict);
    const r = capacityResult(s, steps, undefined);
    expect(r).toMatchObject({ sustainableRate: 100, lowerBound: false, firstFailedSlo: { slo: 'a', atRate: 141 } });
    expect(r.reason).toBe('100/s met every SLO and 141/s broke a: within the 50% precision');
  });

  it('says when --min-rate was not reached, and that the generator may be the limit of a lower bound', () => {
    let s = startSearch({ startRate: 100, maxRate: 1000, precision: 0.05 });
    const steps = [judged(100, { kind: 'pass' }), judged(200, { kind: 'limited', reason: '3 iterations were dropped' })];
    for (const j of steps) s = recordStep(s, j.verdict);
    const r = capacityResult(s, steps, 500);
    expect(r.lowerBound).toBe(true);
    expect(r.reason).toBe('the generator limited the step at 200/s: 3 iterations were dropped; 100/s is a lower bound of the capacity; that is below --min-rate 500/s (the generator may be the limit, not the target)');
  });
});
