/**
 * Reads a `stages` field ([{ duration, target }, …], k6's shape) of a raw scenario, recording an
 * issue per wrong stage with its path (`options.scenarios.x.stages[1].target`), so every problem is
 * reported at once (STYLE rule 2). ramping-vus targets are VU counts, arrival-rate ones rates.
 */
import type { ConfigIssue } from '../errors.js';
import { readDuration, readInt, readNumber } from './fields.js';

type Raw = Readonly<Record<string, unknown>>;

/** One stage: move linearly to `target` over `durationMs`. */
export interface Stage {
  durationMs: number;
  target: number;
}

/** A required, non-empty list of stages whose targets are VU counts (integers ≥ 0). */
export function readVuStages(raw: Raw, path: string, issues: ConfigIssue[]): Stage[] {
  return readStages(raw, path, issues, readInt, 10);
}

/** A required, non-empty list of stages whose targets are rates (numbers ≥ 0). */
export function readRateStages(raw: Raw, path: string, issues: ConfigIssue[]): Stage[] {
  return readStages(raw, path, issues, readNumber, 100);
}

function readStages(raw: Raw, path: string, issues: ConfigIssue[], readTarget: typeof readInt, exampleTarget: number): Stage[] {
  const value = raw.stages;
  if (!Array.isArray(value) || value.length === 0) {
    const message = value === undefined ? 'is required' : `must be a non-empty list of stages (got ${JSON.stringify(value)})`;
    issues.push({ path: `${path}.stages`, message: `${message}, such as [{ duration: '30s', target: ${exampleTarget} }]` });
    return [];
  }
  return value.map((stage: unknown, i) => {
    const stagePath = `${path}.stages[${i}]`;
    if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) {
      issues.push({ path: stagePath, message: `must be an object { duration, target } (got ${JSON.stringify(stage)})` });
      return { durationMs: 0, target: 0 };
    }
    const fields = stage as Raw;
    for (const extra of Object.keys(fields).filter((k) => k !== 'duration' && k !== 'target')) {
      issues.push({ path: `${stagePath}.${extra}`, message: 'is not a stage field (a stage has duration and target)' });
    }
    return { durationMs: readDuration(fields, 'duration', stagePath, issues), target: readTarget(fields, 'target', stagePath, issues, 0) };
  });
}
