/** `volley inspect`: the resolved options and, per scenario, the executor's plan. */
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
    return { options: prepared.options, plan };
  } finally {
    await prepared.dispose();
  }
}
