/**
 * The flags of `volley capacity` as the search uses them, validated all at once (STYLE rule 2):
 * rates per second, the step and its warm-up in whole seconds (steps are judged on the run's
 * whole-second buckets), the precision as a fraction.
 */
import type { ConfigIssue } from '../errors.js';
import { formatDuration, readFlagDuration } from '../config/duration.js';
import type { SearchSettings } from './search.js';

/** What the command's flags give the search (the SLOs are parsed against the script, slo.ts). */
export interface CapacitySettings extends SearchSettings {
  stepMs: number;
  /** The unjudged start of each step, a whole number of seconds shorter than the step. */
  warmupMs: number;
  /** undefined: as many as memory allows (memory-fit.ts). */
  maxVus: number | undefined;
  minRate: number | undefined;
  exec: string;
}

/** The flags as yargs gives them. */
export interface CapacityFlags {
  startRate?: number;
  maxRate?: number;
  step?: string;
  warmup?: string;
  precision?: string;
  maxVus?: number;
  minRate?: number;
  exec?: string;
}

/** The flags' defaults, as DESIGN.md gives them. */
export const CAPACITY_DEFAULTS = { startRate: 50, maxRate: 100_000, step: '10s', warmup: '30%', precision: '5%' } as const;

const PERCENT = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*$/;

/** Reads and checks the flags; every problem goes to `issues`. */
export function readCapacitySettings(flags: CapacityFlags, issues: ConfigIssue[]): CapacitySettings {
  const startRate = positive(flags.startRate ?? CAPACITY_DEFAULTS.startRate, '--start-rate', issues);
  const maxRate = positive(flags.maxRate ?? CAPACITY_DEFAULTS.maxRate, '--max-rate', issues);
  if (startRate > maxRate) issues.push({ path: '--start-rate', message: `${startRate}/s is above --max-rate (${maxRate}/s)` });
  const stepMs = readStep(flags.step ?? CAPACITY_DEFAULTS.step, issues);
  const warmupMs = readWarmup(flags.warmup ?? CAPACITY_DEFAULTS.warmup, stepMs, issues);
  const precision = readPercent(flags.precision ?? CAPACITY_DEFAULTS.precision, '--precision', issues);
  if (precision !== undefined && !(precision > 0 && precision < 1)) issues.push({ path: '--precision', message: `must be above 0% and below 100% (got ${flags.precision})` });
  const maxVus = flags.maxVus;
  if (maxVus !== undefined && !(Number.isInteger(maxVus) && maxVus >= 1)) issues.push({ path: '--max-vus', message: `must be a whole number ≥ 1 (got ${maxVus})` });
  const minRate = flags.minRate === undefined ? undefined : positive(flags.minRate, '--min-rate', issues);
  const exec = flags.exec ?? 'default';
  return { startRate, maxRate, stepMs, warmupMs, precision: precision ?? 0.05, maxVus, minRate, exec };
}

function positive(value: number, flag: string, issues: ConfigIssue[]): number {
  if (!(Number.isFinite(value) && value > 0)) issues.push({ path: flag, message: `must be a number of iterations per second above 0 (got ${value})` });
  return value;
}

function readStep(text: string, issues: ConfigIssue[]): number {
  const d = readFlagDuration(text);
  if (!d.ok) issues.push({ path: '--step', message: d.reason });
  else if (!(d.ms >= 1000 && d.ms % 1000 === 0)) issues.push({ path: '--step', message: `must be a whole number of seconds, at least 1s: steps are judged on whole seconds of the run (got ${text})` });
  return d.ok ? d.ms : 0;
}

/** A share of the step (`30%`) or a duration; rounded up to whole seconds, and shorter than the step. */
function readWarmup(text: string, stepMs: number, issues: ConfigIssue[]): number {
  let ms: number;
  const percent = PERCENT.exec(text);
  if (percent) ms = (Number(percent[1]) / 100) * stepMs;
  else {
    const d = readFlagDuration(text);
    if (!d.ok) {
      issues.push({ path: '--warmup', message: `${d.reason}; give a duration (5s) or a share of the step (30%)` });
      return 0;
    }
    ms = d.ms;
  }
  const whole = Math.ceil(ms / 1000 - 1e-9) * 1000;
  if (stepMs > 0 && whole >= stepMs) {
    issues.push({ path: '--warmup', message: `the step (${formatDuration(stepMs)}) is not longer than its warm-up (${formatDuration(whole)}): no second of it would be judged` });
  }
  return Math.max(0, whole);
}

function readPercent(text: string, flag: string, issues: ConfigIssue[]): number | undefined {
  const m = PERCENT.exec(text);
  if (!m) {
    issues.push({ path: flag, message: `must be a percentage such as 5% (got ${text})` });
    return undefined;
  }
  return Number(m[1]) / 100;
}
