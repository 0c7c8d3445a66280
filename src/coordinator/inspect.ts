/**
 * `volley inspect`: the resolved options and, per scenario, the executor's plan, plus the run's
 * needs as k6's execution requirements state them: VUs of all scenarios together (an upper bound:
 * scenarios apart in time could share them) and the longest scenario end, graceful stops included.
 * A plan that `run` would refuse for memory (memory-fit.ts) is printed too, with a warning.
 */
import { availableParallelism } from 'node:os';
import type { Io } from '../io.js';
import type { RunRequest } from './run-request.js';
import { prepareScenario } from './prepare.js';
import { planScenarios, workerCount, workerVUs } from './plan.js';
import { machineBudget, memoryIssues } from './memory-fit.js';

export async function inspectScenario(req: RunRequest, io: Io): Promise<unknown> {
  const prepared = await prepareScenario(req, io, () => {});
  try {
    const planned = planScenarios(prepared.options);
    // The plan is printed all the same (inspect runs nothing), with run's refusal said on stderr.
    const workers = workerCount(req.workers, availableParallelism(), planned);
    for (const issue of memoryIssues(workerVUs(planned, workers), machineBudget())) io.stderr.write(`warning: volley run would refuse this plan here: ${issue.message}\n`);
    const plan = planned.map(({ scenario, plan }) => ({
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
