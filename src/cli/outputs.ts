/**
 * The outputs a run asks for, from the registry (outputs/registry.ts): every run's own, those whose
 * flag was given (`--junit FILE`), then each `-o/--out KIND[=TARGET]` in order. Each target is
 * parsed by its kind now, so an unknown kind, a file that cannot be written or an unknown option is
 * a ConfigIssue (104) before anything runs.
 */
import type { ConfigIssue } from '../errors.js';
import type { OutputKind, OutputTarget } from '../outputs/output.js';
import type { OutputSpec } from '../outputs/output-set.js';
import { LATER_KINDS, OUTPUT_KINDS } from '../outputs/registry.js';

/** The kinds `--out` takes, by name and alias. */
const OUT_KINDS = OUTPUT_KINDS.filter((k) => 'out' in k.selectedBy);

/** The flags outputs own (`junit`, `summary-export`), as yargs options. */
export function outputFlags(): { name: string; describe: string }[] {
  return OUTPUT_KINDS.flatMap((k) => ('flag' in k.selectedBy ? [{ name: k.selectedBy.flag, describe: k.selectedBy.describe }] : []));
}

/** `flagValue(name)` is the value of the output flag `--name`, undefined when not given. */
export function parseOutputs(outValues: readonly unknown[] | undefined, flagValue: (flag: string) => string | undefined, cwd: string, issues: ConfigIssue[]): OutputSpec[] {
  const specs: OutputSpec[] = [];
  const add = (kind: OutputKind, target: OutputTarget) => {
    const open = kind.parse(target, issues);
    if (open) specs.push({ name: kind.name, open });
  };
  for (const kind of OUTPUT_KINDS) {
    const how = kind.selectedBy;
    if ('always' in how) add(kind, splitTarget(kind.name, '', cwd));
    else if ('flag' in how) {
      const value = flagValue(how.flag);
      if (value !== undefined) add(kind, splitTarget(`--${how.flag}`, value, cwd));
    }
  }
  for (const raw of outValues ?? []) {
    const text = String(raw);
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const kind = OUT_KINDS.find((k) => k.name === name || k.aliases?.includes(name));
    if (kind) add(kind, splitTarget(`--out ${kind.name}`, eq < 0 ? '' : text.slice(eq + 1), cwd));
    else issues.push({ path: '--out', message: unknownKind(name) });
  }
  return specs;
}

function unknownKind(name: string): string {
  const known = `this version writes ${OUT_KINDS.map((k) => k.name).join(', ')} (e.g. --out json=results.ndjson)`;
  return LATER_KINDS.includes(name) ? `${name} is not supported yet; ${known}` : `unknown output ${JSON.stringify(name)}; ${known}`;
}

/** `file.csv?timeFormat=unix` → the target and its options. */
function splitTarget(flag: string, text: string, cwd: string): OutputTarget {
  const q = text.indexOf('?');
  return { flag, value: q < 0 ? text : text.slice(0, q), options: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)), cwd };
}
