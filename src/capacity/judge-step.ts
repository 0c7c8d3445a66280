/**
 * A step's verdict from its measures: each SLO judged on the step's judged part (the hold), and
 * whether the generator limited the step (generator-limits.ts), which overrides the SLOs: a rate
 * that was not really offered says nothing of the service.
 */
import { evaluateThreshold, hasSamples } from '../thresholds/evaluate.js';
import type { CapacityStep } from './result.js';
import type { StepVerdict } from './search.js';
import type { Slo } from './slo.js';
import type { StepMeasures, StepPlan } from './step-window.js';
import { generatorLimit, type GeneratorSigns } from './generator-limits.js';

/** What the step's measures cannot tell: the generator's own figures taken beside them. */
export type GeneratorContext = Omit<GeneratorSigns, 'droppedIterations' | 'startLagMs' | 'busiestWorker'>;

/** A judged step: its result row, the search's verdict, the SLOs it broke. */
export interface StepJudgement {
  step: CapacityStep;
  verdict: StepVerdict;
  /** The SLOs broken, in the order given. */
  failed: { slo: string; value: number | null }[];
}

/** Judges one step from its measures and the generator's own figures. */
export function judgeStep(plan: StepPlan, m: StepMeasures, slos: readonly Slo[], generator: GeneratorContext): StepJudgement {
  const results: CapacityStep['slos'] = {};
  const failed: StepJudgement['failed'] = [];
  slos.forEach((slo, i) => {
    const view = m.sloViews[i];
    // An SLO with no sample in the judged part cannot be shown to hold: it fails, with no value.
    const outcome = view && hasSamples(view) ? evaluateThreshold(slo.expr, view) : { ok: false, observed: undefined };
    const value = outcome.observed ?? null;
    results[slo.source] = { value, ok: outcome.ok };
    if (!outcome.ok) failed.push({ slo: slo.source, value });
  });
  const limit = generatorLimit({ ...generator, droppedIterations: m.droppedIterations, startLagMs: m.startLagMs, busiestWorker: m.busiestWorker });
  const step: CapacityStep = {
    rate: plan.rate,
    achievedRate: m.holdMs > 0 ? (m.iterations * 1000) / m.holdMs : 0,
    warmupMs: plan.warmupMs,
    holdMs: m.holdMs,
    slos: results,
    droppedIterations: m.droppedIterations,
    lowerBound: limit !== undefined,
  };
  const verdict: StepVerdict = limit !== undefined ? { kind: 'limited', reason: limit } : failed.length === 0 ? { kind: 'pass' } : { kind: 'fail' };
  return { step, verdict, failed };
}
