/** Turns an exception from the user's code into a message that points at the user's file and line. */
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../install-paths.js';

/**
 * Where volley's own frames point: its bundles, and (source-mapped) its sources and the packages
 * bundled into them.
 */
const VOLLEY_CODE = ['dist', 'src', 'node_modules'].map((dir) => resolve(fileURLToPath(PACKAGE_ROOT), dir) + '/');

/** `init threw TypeError: x is undefined\n    at scenario.ts:12:5`, with frames inside volley and node dropped. */
export function describeScriptError(stage: string, err: unknown, scriptPath: string, verb = 'threw'): string {
  if (!(err instanceof Error)) return `${stage} ${verb}: ${String(err)}`;
  const frames = scriptFrames(err).map((l) => l.replace(/file:\/\//g, '').replace(scriptPath, relative(process.cwd(), scriptPath) || scriptPath));
  const head = `${err.name}: ${err.message}`;
  return `${stage} ${verb} ${head}${frames.length ? `\n${frames.slice(0, 5).join('\n')}` : ''}`;
}

/** True for an Error whose stack runs through volley's and Node's code only: a fault of volley's, not of the script. */
export function thrownByVolley(err: unknown): boolean {
  if (!(err instanceof Error) || !/^\s+at /m.test(err.stack ?? '')) return false;
  return scriptFrames(err).every((l) => /\((<anonymous>|native)\)$/.test(l));
}

/** The stack frames of `err` outside volley and node (the script's, its packages', or V8's). */
function scriptFrames(err: Error): string[] {
  return (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l) && !l.includes('node:') && !VOLLEY_CODE.some((dir) => l.includes(dir)));
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
    if (!frame || frame[0].startsWith('node:') || VOLLEY_CODE.some((dir) => frame[0].startsWith(dir))) continue;
    const file = frame[0] === scriptPath ? basename(scriptPath) : relative(dirname(scriptPath), frame[0]);
    return `${file}:${frame[1]}`;
  }
  return undefined;
}
