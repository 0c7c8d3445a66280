/**
 * Readers for executor fields: each validates one field of a raw scenario, records an issue naming
 * its path when the value is wrong, and returns the value or its default. Parsing collects every
 * issue instead of stopping at the first (STYLE rule 2).
 */
import type { ConfigIssue } from '../errors.js';
import { readDurationValue, type DurationResult } from '../config/duration.js';

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

/**
 * A duration field in ms, read as k6 reads it ('30s', '1m30s', '1d', or a number of ms, also as a
 * string); `fallback` when absent (undefined = required).
 */
export function readDuration(raw: Raw, key: string, path: string, issues: ConfigIssue[], fallback?: number): number {
  const v = raw[key];
  if (v === undefined) {
    if (fallback === undefined) issues.push({ path: `${path}.${key}`, message: "is required (a duration such as '30s')" });
    return fallback ?? 0;
  }
  const r = readOptionDuration(v);
  if (r.ok) return r.ms;
  issues.push({ path: `${path}.${key}`, message: r.reason });
  return fallback ?? 0;
}

/**
 * An option's duration; the failure reason reads as a field's message. Negative durations parse,
 * as in k6, and are refused here, as every k6 option that takes one refuses them.
 */
export function readOptionDuration(value: unknown): DurationResult {
  const r = readDurationValue(value);
  if (!r.ok) return { ok: false, reason: `must be a duration such as '30s', '1m30s' or '1d' (${r.reason})` };
  return r.ms < 0 ? { ok: false, reason: `can't be negative (got ${JSON.stringify(value)})` } : r;
}
