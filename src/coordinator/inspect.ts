/**
 * `volley inspect`: the resolved options and, per scenario, the executor's plan, plus the run's
 * needs as k6's execution requirements state them: VUs of all scenarios together (an upper bound:
 * scenarios apart in time could share them) and the longest scenario end, graceful stops included.
 */
import type { Io } from '../io.js';
import type { RunRequest } from './run-request.js';
import { prepareScenario } from './prepare.js';
import { planScenarios } from './plan.js';

export async function inspectScenario(req: RunRequest, io: Io): Promise<unknown> {
  const prepared = await prepareScenario(req, io, () => {});
  try {
    const plan = planScenarios(prepared.options).map(({ scenario, plan }) => ({
      name: scenario.name,
      executor: scenario.executor,
      startTimeMs: scenario.startTimeMs,
      maxVUs: plan.maxVUs,
      maxDurationMs: plan.maxDurationMs,
    }));
    const maxVUs = plan.reduce((n, p) => n + p.maxVUs, 0);
    const totalDurationMs = Math.max(0, ...plan.map((p) => p.startTimeMs + p.maxDurationMs));
    return { options: prepared.options, plan, maxVUs, totalDurationMs };
  } finally {
    await prepared.dispose();
  }
}
