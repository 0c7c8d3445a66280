/**
 * `volley capacity`, end to end: the script is prepared as for `volley run` (compile, options,
 * setup and teardown run as usual), then its scenarios are replaced by one `capacity-steps`
 * scenario running the `--exec` function, which the StepDriver steers step by step (step-driver.ts).
 * The script's thresholds are evaluated and reported, but abort nothing and decide nothing: the
 * search's result does (exit 0 with a capacity at or above --min-rate, 99 otherwise).
 */
import { availableParallelism } from 'node:os';
import type { Io } from '../io.js';
import { ConfigError, type ConfigIssue } from '../errors.js';
import type { ResolvedOptions, ResolvedScenario } from '../config/options.js';
import type { RunRequest } from '../coordinator/run-request.js';
import type { PreparedScenario } from '../coordinator/prepare.js';
import { runTest } from '../coordinator/run-test.js';
import { machineBudget, vusThatFit } from '../coordinator/memory-fit.js';
import { Thresholds } from '../thresholds/thresholds.js';
import { parseSlos } from './slo.js';
import type { CapacitySettings } from './settings.js';
import { DRAIN_MS, StepDriver } from './step-driver.js';

/** The scenario name the search's samples are tagged with. */
export const CAPACITY_SCENARIO = 'capacity';

/** Runs the search and returns the exit code; a ConfigError (104) for SLOs the script cannot meet the terms of. */
export async function runCapacity(req: RunRequest, settings: CapacitySettings, sloTexts: readonly string[], io: Io): Promise<number> {
  let driver: StepDriver | undefined;
  const code = await runTest(req, io, (prepared) => {
    const issues: ConfigIssue[] = [];
    const slos = parseSlos(sloTexts, (name) => prepared.store.kindOf(name), issues);
    if (!prepared.exports.includes(settings.exec)) {
      issues.push({ path: '--exec', message: settings.exec === 'default' ? 'the script has no default export to drive: export default async function ({ http }) { ... }, or name one with --exec' : `the script does not export a function named ${settings.exec}` });
    }
    if (issues.length) throw new ConfigError(issues);
    const maxVus = settings.maxVus ?? vusThatFit(req.workers ?? availableParallelism(), machineBudget());
    const options = capacityOptions(prepared.options, settings, maxVus);
    driver = new StepDriver({
      settings,
      slos,
      scenario: CAPACITY_SCENARIO,
      maxVus,
      cores: availableParallelism(),
      defOf: (metric) => prepared.store.defOf(metric),
      progress: req.quiet ? undefined : io.stderr,
    });
    const thresholds = Thresholds.from(options.noThresholds ? [] : options.thresholds);
    const steered: PreparedScenario = { ...prepared, options, thresholds };
    return { prepared: steered, driver };
  });
  if (driver?.problem) throw driver.problem;
  return code;
}

/** The script's options with the search's one scenario in place of its own, and thresholds that abort nothing. */
export function capacityOptions(options: ResolvedOptions, settings: CapacitySettings, maxVus: number): ResolvedOptions {
  // Enough VUs for the first step's iterations of up to 100 ms each; more are made as steps need them.
  const preAllocatedVUs = Math.min(maxVus, Math.max(1, Math.ceil(settings.startRate / 10)));
  const scenario: ResolvedScenario = {
    name: CAPACITY_SCENARIO,
    executor: 'capacity-steps',
    config: { preAllocatedVUs, maxVUs: maxVus },
    startTimeMs: 0,
    gracefulStopMs: DRAIN_MS,
    exec: settings.exec,
    env: {},
    tags: {},
  };
  return { ...options, scenarios: [scenario], thresholds: options.thresholds.map((t) => ({ ...t, abortOnFail: false })) };
}
