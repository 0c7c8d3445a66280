/** Executor type name → definition. New executors register here and nowhere else. */
import type { ExecutorDefinition } from './types.js';
import { sharedIterations } from './shared-iterations.js';
import { perVuIterations } from './per-vu-iterations.js';
import { constantVus } from './constant-vus.js';
import { rampingVus } from './ramping-vus.js';
import { externallyControlled } from './externally-controlled.js';
import { constantArrivalRate } from './constant-arrival-rate.js';
import { rampingArrivalRate } from './ramping-arrival-rate.js';
import { capacitySteps } from './capacity-steps.js';

const EXECUTORS: ReadonlyMap<string, ExecutorDefinition<object>> = new Map<string, ExecutorDefinition<object>>(
  [sharedIterations, perVuIterations, constantVus, rampingVus, externallyControlled, constantArrivalRate, rampingArrivalRate, capacitySteps].map((e) => [e.type, e as unknown as ExecutorDefinition<object>]),
);

/** The executor registered under this type name. */
export function executorFor(type: string): ExecutorDefinition<object> | undefined {
  return EXECUTORS.get(type);
}

/** Every executor type a script may name, for error messages. */
export function executorTypes(): string[] {
  return [...EXECUTORS.values()].filter((e) => !e.internal).map((e) => e.type);
}
