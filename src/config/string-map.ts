/** Validation of `{ [key]: string }` option fields (env, tags). */
import type { ConfigIssue } from '../errors.js';

/** The map, or {} with an issue when it is not an object of strings (numbers and booleans are stringified, as in k6). */
export function readStringMap(value: unknown, path: string, issues: ConfigIssue[]): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: 'must be an object of strings' });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else issues.push({ path: `${path}.${k}`, message: 'must be a string' });
  }
  return out;
}
