/** Turns an exception from the user's code into a message that points at the user's file and line. */
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_URL } from '../install-paths.js';

const VOLLEY_DIST = resolve(fileURLToPath(DIST_URL));

/** `init threw TypeError: x is undefined\n    at scenario.ts:12:5`, with frames inside volley and node dropped. */
export function describeScriptError(stage: string, err: unknown, scriptPath: string): string {
  if (!(err instanceof Error)) return `${stage} threw: ${String(err)}`;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && !l.includes('node:') && !l.includes(VOLLEY_DIST))
    .map((l) => l.replace(/file:\/\//g, '').replace(scriptPath, relative(process.cwd(), scriptPath) || scriptPath));
  const head = `${err.name}: ${err.message}`;
  return `${stage} threw ${head}${frames.length ? `\n${frames.slice(0, 5).join('\n')}` : ''}`;
}

/** A stack frame's file and line: `    at fn (file:///x/scenario.ts:12:5)` → ['/x/scenario.ts', '12']. */
function frameOf(line: string): [file: string, line: string] | undefined {
  const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
  return m && /^\s+at /.test(line) ? [m[1]!.replace('file://', ''), m[2]!] : undefined;
}

/** `scenario.ts:12`: the first frame of `stack` in the scenario file itself. */
export function scriptLine(stack: string | undefined, scriptPath: string): string | undefined {
  for (const line of stack?.split('\n') ?? []) {
    const frame = frameOf(line);
    if (frame && frame[0] === scriptPath) return `${basename(scriptPath)}:${frame[1]}`;
  }
  return undefined;
}

/**
 * Where the user's code made a call, from a stack taken inside volley: the first frame outside
 * volley and node, as `scenario.ts:12` (or a path relative to the scenario's folder for another of
 * the user's modules).
 */
export function callerLine(stack: string | undefined, scriptPath: string): string | undefined {
  for (const line of stack?.split('\n') ?? []) {
    const frame = frameOf(line);
    if (!frame || frame[0].startsWith('node:') || frame[0].startsWith(VOLLEY_DIST)) continue;
    const file = frame[0] === scriptPath ? basename(scriptPath) : relative(dirname(scriptPath), frame[0]);
    return `${file}:${frame[1]}`;
  }
  return undefined;
}
