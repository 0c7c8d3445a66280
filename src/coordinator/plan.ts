/**
 * The execution plan: each scenario's needs (from its executor) and its split into one share per
 * worker, using the segment arithmetic of executors/segment.ts so shares sum exactly to the whole.
 */
import type { ResolvedOptions, ResolvedScenario } from '../config/options.js';
import type { WorkerScenario } from '../ipc/messages.js';
import type { ExecutionPlan } from '../executors/types.js';
import { executorFor } from '../executors/registry.js';
import { nthSegment, offsetInt, type Segment } from '../executors/segment.js';
import { stripeOf } from '../executors/iteration-stripe.js';
import { EngineError } from '../errors.js';

/** A scenario with its executor's plan. */
export interface PlannedScenario {
  scenario: ResolvedScenario;
  plan: ExecutionPlan;
}

/** Each scenario's plan (max VUs, longest duration including graceful stop). */
export function planScenarios(options: ResolvedOptions): PlannedScenario[] {
  return options.scenarios.map((scenario) => {
    const executor = executorFor(scenario.executor);
    if (!executor) throw new EngineError(`no executor ${scenario.executor}`);
    return { scenario, plan: executor.plan(scenario.config, scenario.gracefulStopMs) };
  });
}

/** How many workers to start: as asked (default: one per core), but no more than there are VUs. */
export function workerCount(requested: number | undefined, cores: number, planned: PlannedScenario[]): number {
  const maxVUs = planned.reduce((n, p) => n + p.plan.maxVUs, 0);
  return Math.max(1, Math.min(requested ?? cores, maxVUs));
}

/** The scenarios as worker `index` of `count` runs them; VU ids stay unique across workers and scenarios. */
export function workerShare(planned: PlannedScenario[], index: number, count: number): WorkerScenario[] {
  const segment: Segment = nthSegment(index, count);
  let scenarioIdBase = 0;
  return planned.map(({ scenario, plan }) => {
    const executor = executorFor(scenario.executor)!;
    const config = executor.split(scenario.config, segment);
    const sharePlan = executor.plan(config, scenario.gracefulStopMs);
    const share: WorkerScenario = {
      name: scenario.name,
      executor: scenario.executor,
      config: config as Record<string, unknown>,
      vus: sharePlan.maxVUs,
      ...(sharePlan.initialVUs === undefined ? {} : { initialVus: sharePlan.initialVUs }),
      vuIdBase: scenarioIdBase + offsetInt(plan.maxVUs, segment),
      iterationStripe: stripeOf(segment, plan.maxVUs),
      startTimeMs: scenario.startTimeMs,
      gracefulStopMs: scenario.gracefulStopMs,
      durationMs: plan.maxDurationMs - scenario.gracefulStopMs,
      exec: scenario.exec,
      env: scenario.env,
      tags: scenario.tags,
    };
    scenarioIdBase += plan.maxVUs;
    return share;
  });
}

/** Each worker's VUs, all scenarios together (what its heap must hold). */
export function workerVUs(planned: PlannedScenario[], count: number): number[] {
  return Array.from({ length: count }, (_, i) => workerShare(planned, i, count).reduce((n, s) => n + s.vus, 0));
}
