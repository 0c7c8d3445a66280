/** Raw scenario objects → ResolvedScenario: common fields here, executor fields by the executor. */
import type { ConfigIssue } from '../errors.js';
import type { ResolvedScenario } from './options.js';
import { executorFor, executorTypes } from '../executors/registry.js';
import { readDuration } from '../executors/fields.js';
import { readStringMap } from './string-map.js';

const COMMON_FIELDS = ['executor', 'startTime', 'gracefulStop', 'exec', 'env', 'tags'];
const SCENARIO_NAME = /^[A-Za-z0-9_-]+$/;

/** Resolves every scenario; problems go to `issues` (all of them, with paths). */
export function resolveScenarios(raw: Record<string, unknown>, issues: ConfigIssue[]): ResolvedScenario[] {
  const names = Object.keys(raw);
  if (names.length === 0) issues.push({ path: 'options.scenarios', message: 'must define at least one scenario' });
  return names.flatMap((name) => {
    const scenario = resolveScenario(name, raw[name], issues);
    return scenario ? [scenario] : [];
  });
}

function resolveScenario(name: string, value: unknown, issues: ConfigIssue[]): ResolvedScenario | undefined {
  const path = `options.scenarios.${name}`;
  if (!SCENARIO_NAME.test(name)) issues.push({ path, message: 'a scenario name may only hold letters, digits, - and _' });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: 'must be an object with an executor' });
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const found = executorFor(String(raw.executor));
  // The engine's own executors (volley capacity's) are not for a script's options.
  const executor = found?.internal ? undefined : found;
  if (!executor) {
    const message = raw.executor === undefined ? 'is required' : `unknown executor ${JSON.stringify(raw.executor)}`;
    issues.push({ path: `${path}.executor`, message: `${message}; one of: ${executorTypes().join(', ')}` });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!COMMON_FIELDS.includes(key) && !executor.fields.includes(key)) {
      issues.push({ path: `${path}.${key}`, message: `does not belong to the ${executor.type} executor (it takes ${executor.fields.join(', ')})` });
    }
  }
  if (raw.exec !== undefined && (typeof raw.exec !== 'string' || raw.exec === '')) {
    issues.push({ path: `${path}.exec`, message: 'must be the name of an exported function' });
  }
  return {
    name,
    executor: executor.type,
    config: executor.parse(raw, path, issues) as Record<string, unknown>,
    startTimeMs: readDuration(raw, 'startTime', path, issues, 0),
    gracefulStopMs: readDuration(raw, 'gracefulStop', path, issues, 30_000),
    exec: typeof raw.exec === 'string' && raw.exec ? raw.exec : 'default',
    env: readStringMap(raw.env, `${path}.env`, issues),
    tags: readStringMap(raw.tags, `${path}.tags`, issues),
  };
}
