/**
 * k6's shortcut options (`vus`, `duration`, `iterations`, `stages`) turned into a `default`
 * scenario, with k6's rules: shortcuts given at a higher level (CLI flags, VOLLEY_* variables)
 * replace the script's `scenarios`; in the script itself, `scenarios` wins over shortcuts.
 */
import type { ConfigIssue } from '../errors.js';
import type { RunFlags } from './run-flags.js';
import { readFlagDuration } from './duration.js';

type Raw = Record<string, unknown>;

export interface Shortcuts {
  vus?: unknown;
  duration?: unknown;
  iterations?: unknown;
  stages?: unknown;
}

/**
 * Shortcut values from flags, as raw values (validated later with the scenario). Durations are
 * checked here with the command line's stricter syntax (no bare number); one that passes reads
 * the same as an option, so it is handed on as written.
 */
export function shortcutsFromFlags(flags: RunFlags, issues: ConfigIssue[]): Shortcuts {
  const s: Shortcuts = {};
  if (flags.vus !== undefined) s.vus = flags.vus;
  if (flags.duration !== undefined && flagDurationOk(flags.duration, '--duration', issues)) s.duration = flags.duration;
  if (flags.iterations !== undefined) s.iterations = flags.iterations;
  if (flags.stage?.length) s.stages = flags.stage.map((text) => parseStageFlag(text, issues));
  return s;
}

/** k6's `--stage DURATION:TARGET`; a bad part becomes 0 once reported, so it is reported only once. */
function parseStageFlag(text: string, issues: ConfigIssue[]): { duration: string; target: number } {
  const colon = text.indexOf(':');
  const duration = colon < 0 ? text : text.slice(0, colon);
  const target = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (duration === '' || !/^\d+$/.test(target)) {
    issues.push({ path: '--stage', message: `expected DURATION:TARGET such as 30s:10 (got ${JSON.stringify(text)})` });
    return { duration: '0s', target: 0 };
  }
  return { duration: flagDurationOk(duration, '--stage', issues) ? duration : '0s', target: Number(target) };
}

function flagDurationOk(text: string, flag: string, issues: ConfigIssue[]): boolean {
  const r = readFlagDuration(text);
  if (r.ok) return true;
  const message = r.reason.startsWith('missing unit')
    ? `${r.reason}: write its unit, as in 30s or 1m30s (as in k6, the command line takes no bare number)`
    : `must be a duration such as 30s, 1m30s or 1d (${r.reason})`;
  issues.push({ path: flag, message });
  return false;
}

function setsExecution(s: Shortcuts): boolean {
  return s.duration !== undefined || s.iterations !== undefined || s.stages !== undefined;
}

function hasAny(s: Shortcuts): boolean {
  return s.vus !== undefined || s.duration !== undefined || s.iterations !== undefined || s.stages !== undefined;
}

/**
 * The scenarios to run. Returns raw scenario objects keyed by name (validated by the caller).
 * k6's derivation: iterations → shared-iterations (duration becomes maxDuration); stages →
 * ramping-vus; duration → constant-vus; otherwise per-vu-iterations, 1 iteration per VU.
 */
export function deriveScenarios(script: Raw, flags: Shortcuts, issues: ConfigIssue[]): Record<string, unknown> {
  const scriptShortcuts: Shortcuts = { vus: script.vus, duration: script.duration, iterations: script.iterations, stages: script.stages };
  if (!hasAny(flags) && script.scenarios !== undefined) {
    if (typeof script.scenarios !== 'object' || script.scenarios === null || Array.isArray(script.scenarios)) {
      issues.push({ path: 'options.scenarios', message: 'must be an object of named scenarios' });
      return {};
    }
    return script.scenarios as Record<string, unknown>;
  }
  // k6's Options.Apply: duration, iterations or stages given at a higher level drop all three of the
  // script's (`--stage` over a script's `duration`), while the script's vus stays (as startVUs).
  const s: Shortcuts = setsExecution(flags) ? { vus: script.vus, ...flags } : { ...scriptShortcuts, ...flags };
  const vus = s.vus ?? 1;
  if (s.iterations !== undefined) {
    return { default: { executor: 'shared-iterations', vus, iterations: s.iterations, ...(s.duration !== undefined && { maxDuration: s.duration }) } };
  }
  if (s.stages !== undefined) {
    if (s.duration !== undefined) issues.push({ path: 'options.duration', message: 'cannot be combined with stages' });
    return { default: { executor: 'ramping-vus', startVUs: vus, stages: s.stages } };
  }
  if (s.duration !== undefined) return { default: { executor: 'constant-vus', vus, duration: s.duration } };
  return { default: { executor: 'per-vu-iterations', vus, iterations: 1 } };
}
