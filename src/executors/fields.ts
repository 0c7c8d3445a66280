/**
 * Readers for executor fields: each validates one field of a raw scenario, records an issue naming
 * its path when the value is wrong, and returns the value or its default. Parsing collects every
 * issue instead of stopping at the first (STYLE rule 2).
 */
import type { ConfigIssue } from '../errors.js';
import { parseDuration } from '../config/duration.js';

type Raw = Readonly<Record<string, unknown>>;

/** An integer field ≥ min; `fallback` when absent (undefined fallback = required). */
export function readInt(raw: Raw, key: string, path: string, issues: ConfigIssue[], min: number, fallback?: number): number {
  return readNumeric(raw, key, path, issues, min, fallback, 'an integer');
}

/** A finite number field ≥ min (rates); `fallback` when absent (undefined = required). */
export function readNumber(raw: Raw, key: string, path: string, issues: ConfigIssue[], min: number, fallback?: number): number {
  return readNumeric(raw, key, path, issues, min, fallback, 'a number');
}

function readNumeric(raw: Raw, key: string, path: string, issues: ConfigIssue[], min: number, fallback: number | undefined, kind: 'an integer' | 'a number'): number {
  const v = raw[key];
  if (v === undefined) {
    if (fallback === undefined) issues.push({ path: `${path}.${key}`, message: 'is required' });
    return fallback ?? min;
  }
  const valid = typeof v === 'number' && (kind === 'an integer' ? Number.isInteger(v) : Number.isFinite(v)) && v >= min;
  if (!valid) {
    issues.push({ path: `${path}.${key}`, message: `must be ${kind} ≥ ${min} (got ${JSON.stringify(v)})` });
    return fallback ?? min;
  }
  return v;
}

/** A duration field ('30s', '1m30s', or ms as a number) in ms; `fallback` when absent (undefined = required). */
export function readDuration(raw: Raw, key: string, path: string, issues: ConfigIssue[], fallback?: number): number {
  const v = raw[key];
  if (v === undefined) {
    if (fallback === undefined) issues.push({ path: `${path}.${key}`, message: "is required (a duration such as '30s')" });
    return fallback ?? 0;
  }
  const ms = typeof v === 'string' || typeof v === 'number' ? parseDuration(v) : undefined;
  if (ms === undefined) {
    issues.push({ path: `${path}.${key}`, message: `must be a duration such as '30s' or '1m30s' (got ${JSON.stringify(v)})` });
    return fallback ?? 0;
  }
  return ms;
}
