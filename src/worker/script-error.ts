/** Turns an exception from the user's code into a message that points at the user's file and line. */
import { relative, resolve } from 'node:path';
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
