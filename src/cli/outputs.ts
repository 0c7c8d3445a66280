/** `-o/--out KIND=TARGET` flags → output specs; an unknown kind or a missing target is a ConfigIssue. */
import type { ConfigIssue } from '../errors.js';
import type { OutputSpec } from '../coordinator/run-request.js';

/** Output kinds this build writes. DESIGN.md also names csv, prometheus, otlp and result: later issues add them. */
export const OUTPUT_KINDS = ['json'] as const;

/** The kinds whose target is a file, checked before the run (output-paths.ts); a later kind's URL is not. */
const FILE_KINDS: readonly string[] = ['json'];

/** The files `outputs` will write. */
export function outputFiles(outputs: readonly OutputSpec[]): string[] {
  return outputs.filter((o) => FILE_KINDS.includes(o.kind)).map((o) => o.target);
}

export function parseOutputs(values: readonly unknown[] | undefined, issues: ConfigIssue[]): OutputSpec[] {
  const out: OutputSpec[] = [];
  for (const raw of values ?? []) {
    const text = String(raw);
    const eq = text.indexOf('=');
    const kind = eq < 0 ? text : text.slice(0, eq);
    const target = eq < 0 ? '' : text.slice(eq + 1);
    if (!(OUTPUT_KINDS as readonly string[]).includes(kind)) {
      issues.push({ path: '--out', message: `unknown output ${JSON.stringify(kind)}; this version writes ${OUTPUT_KINDS.join(', ')} (e.g. --out json=results.ndjson)` });
    } else if (target === '') {
      issues.push({ path: '--out', message: `${kind} needs a file: --out ${kind}=FILE` });
    } else out.push({ kind, target });
  }
  return out;
}
