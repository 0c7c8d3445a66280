/** Turns an exception from the user's code into a message that points at the user's file and line. */
import { relative, resolve } from 'node:path';
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
