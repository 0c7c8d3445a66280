/** `options.thresholds` → ResolvedThreshold[] (shape only; the expressions are checked by thresholds/validate.ts). */
import type { ConfigIssue } from '../errors.js';
import type { ResolvedThreshold } from './options.js';
import { readOptionDuration } from '../executors/fields.js';

/** Flattens `{ metric: [spec, ...] }`; a single spec instead of an array is accepted too. */
export function resolveThresholds(value: unknown, issues: ConfigIssue[]): ResolvedThreshold[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: 'options.thresholds', message: 'must be an object: { metric: [expression, ...] }' });
    return [];
  }
  return Object.entries(value).flatMap(([metric, specs]) =>
    (Array.isArray(specs) ? specs : [specs]).flatMap((spec, i) => {
      const t = resolveOne(metric, spec, `options.thresholds[${JSON.stringify(metric)}][${i}]`, issues);
      return t ? [t] : [];
    }),
  );
}

function resolveOne(metric: string, spec: unknown, path: string, issues: ConfigIssue[]): ResolvedThreshold | undefined {
  if (typeof spec === 'string') return { metric, expression: spec, abortOnFail: false, delayAbortEvalMs: 0, windowMs: undefined };
  if (typeof spec !== 'object' || spec === null || typeof (spec as { threshold?: unknown }).threshold !== 'string') {
    issues.push({ path, message: "must be an expression such as 'p(95)<300' or { threshold: 'p(95)<300', abortOnFail: true }" });
    return undefined;
  }
  const s = spec as { threshold: string; abortOnFail?: unknown; delayAbortEval?: unknown; window?: unknown };
  if (s.abortOnFail !== undefined && typeof s.abortOnFail !== 'boolean') issues.push({ path: `${path}.abortOnFail`, message: 'must be true or false' });
  return {
    metric,
    expression: s.threshold,
    abortOnFail: s.abortOnFail === true,
    delayAbortEvalMs: durationField(s.delayAbortEval, `${path}.delayAbortEval`, issues) ?? 0,
    windowMs: durationField(s.window, `${path}.window`, issues),
  };
}

function durationField(value: unknown, path: string, issues: ConfigIssue[]): number | undefined {
  if (value === undefined) return undefined;
  const r = readOptionDuration(value);
  if (r.ok) return r.ms;
  issues.push({ path, message: r.reason });
  return undefined;
}
