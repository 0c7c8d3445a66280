/**
 * The one place options get their defaults. Precedence: CLI flags > VOLLEY_* variables (both
 * arrive as RunFlags, merged by yargs) > the script's `options` > defaults. Every problem found is
 * reported at once in one ConfigError (exit 104).
 */
import { ConfigError, type ConfigIssue } from '../errors.js';
import { SUMMARY_TIME_UNITS, type ResolvedOptions, type SummaryTimeUnit } from './options.js';
import type { RunFlags } from './run-flags.js';
import { deriveScenarios, shortcutsFromFlags } from './shortcuts.js';
import { resolveScenarios } from './scenarios.js';
import { resolveThresholds } from './thresholds.js';
import { readStringMap } from './string-map.js';
import { readDuration, readInt } from '../executors/fields.js';
import { validateThresholds } from '../thresholds/validate.js';
import type { MetricKind } from '../metrics/metric.js';

/** What the evaluated script tells about itself: its exported functions and its metrics' types. */
export interface ScriptFacts {
  exports: readonly string[];
  kindOf(metric: string): MetricKind | undefined;
}

/** k6's default trend columns. */
export const DEFAULT_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];
const TREND_STAT = /^(avg|min|med|max|count|sum|p\(\d+(\.\d+)?\))$/;

/**
 * Resolves the script's exported `options` (any value) with the flags; throws ConfigError listing
 * every issue, including exec names and thresholds checked against `facts` when given.
 */
export function consolidate(scriptOptions: unknown, flags: RunFlags, userAgent: string, facts?: ScriptFacts): ResolvedOptions {
  const issues: ConfigIssue[] = [];
  if (scriptOptions !== undefined && (typeof scriptOptions !== 'object' || scriptOptions === null || Array.isArray(scriptOptions))) {
    throw new ConfigError([{ path: 'options', message: 'must be an object (export const options = { ... })' }]);
  }
  const raw = (scriptOptions ?? {}) as Record<string, unknown>;
  const scenarios = resolveScenarios(deriveScenarios(raw, shortcutsFromFlags(flags, issues), issues), issues);
  const resolved: ResolvedOptions = {
    scenarios,
    thresholds: resolveThresholds(raw.thresholds, issues),
    noThresholds: flags.noThresholds === true,
    tags: { ...readStringMap(raw.tags, 'options.tags', issues), ...flags.tag },
    summaryTrendStats: trendStats(flags.summaryTrendStats ?? raw.summaryTrendStats, issues),
    summaryTimeUnit: timeUnit(flags.summaryTimeUnit, raw.summaryTimeUnit, issues),
    discardResponseBodies: bool(raw, 'discardResponseBodies', issues),
    maxRedirects: readInt(raw, 'maxRedirects', 'options', issues, 0, 10),
    userAgent: typeof raw.userAgent === 'string' ? raw.userAgent : userAgent,
    setupTimeoutMs: readDuration(raw, 'setupTimeout', 'options', issues, 60_000),
    teardownTimeoutMs: readDuration(raw, 'teardownTimeout', 'options', issues, 60_000),
    noConnectionReuse: flags.noConnectionReuse ?? bool(raw, 'noConnectionReuse', issues),
    insecureSkipTLSVerify: flags.insecureSkipTLSVerify ?? bool(raw, 'insecureSkipTLSVerify', issues),
  };
  if (facts) issues.push(...checkAgainstScript(resolved, facts));
  if (issues.length) throw new ConfigError(issues);
  return resolved;
}

/** Exec names the script does not export, and thresholds on unknown metrics or with methods their type lacks. */
function checkAgainstScript(options: ResolvedOptions, facts: ScriptFacts): ConfigIssue[] {
  const issues: ConfigIssue[] = options.scenarios
    .filter((s) => !facts.exports.includes(s.exec))
    .map((s) => ({
      path: `options.scenarios.${s.name}.exec`,
      message: s.exec === 'default' ? 'the script has no default export: export default async function ({ http }) { ... }' : `the script does not export a function named ${s.exec}`,
    }));
  return [...issues, ...validateThresholds(options.thresholds, (name) => facts.kindOf(name))];
}

function trendStats(value: unknown, issues: ConfigIssue[]): string[] {
  if (value === undefined) return DEFAULT_TREND_STATS;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.length === 0) {
    issues.push({ path: 'options.summaryTrendStats', message: "must be a list such as ['avg', 'p(95)']" });
    return DEFAULT_TREND_STATS;
  }
  const stats = list.map((s) => String(s).trim());
  for (const s of stats) {
    if (!TREND_STAT.test(s)) issues.push({ path: 'options.summaryTrendStats', message: `unknown stat ${JSON.stringify(s)}; use avg, min, med, max, count, sum or p(N)` });
  }
  return stats;
}

/** k6's `--summary-time-unit` / `summaryTimeUnit`: s, ms or us; the flag wins; '' or absent: each time in its own unit. */
function timeUnit(flag: string | undefined, option: unknown, issues: ConfigIssue[]): SummaryTimeUnit | null {
  const [path, value] = flag !== undefined ? ['--summary-time-unit', flag] : ['options.summaryTimeUnit', option];
  if (value === undefined || value === '' || value === null) return null;
  if ((SUMMARY_TIME_UNITS as readonly unknown[]).includes(value)) return value as SummaryTimeUnit;
  issues.push({ path, message: `invalid summary time unit ${JSON.stringify(value)}; use ${SUMMARY_TIME_UNITS.map((u) => `'${u}'`).join(', ')}` });
  return null;
}

function bool(raw: Record<string, unknown>, key: string, issues: ConfigIssue[]): boolean {
  const v = raw[key];
  if (v !== undefined && typeof v !== 'boolean') issues.push({ path: `options.${key}`, message: 'must be true or false' });
  return v === true;
}
