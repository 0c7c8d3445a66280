/**
 * Exceptions thrown by iterations, counted per distinct message within a worker. The first one of
 * each kind is printed with its stack (source-mapped to the user's file); later ones only count, so
 * a failing line cannot flood the output.
 */
import { basename } from 'node:path';
import type { IterationErrorCount } from '../ipc/messages.js';
import { describeScriptError } from './script-error.js';

const MAX_DISTINCT = 100;

export class IterationErrors {
  private readonly byMessage = new Map<string, IterationErrorCount>();
  private readonly scriptPath: string;
  constructor(scriptPath: string) {
    this.scriptPath = scriptPath;
  }
  record(err: unknown, vuLabel: string): void {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : `Error: ${String(err)}`;
    const known = this.byMessage.get(message);
    if (known) {
      known.count++;
      return;
    }
    const location = err instanceof Error ? scriptLocation(err.stack, this.scriptPath) : undefined;
    if (this.byMessage.size < MAX_DISTINCT) this.byMessage.set(message, { message, location, count: 1 });
    console.error(`[${vuLabel}] ${describeScriptError('an iteration', err, this.scriptPath)}`);
  }
  list(): IterationErrorCount[] {
    return [...this.byMessage.values()];
  }
}

/** `scenario.ts:12` from the first frame of `stack` in the user's script (source-mapped). */
export function scriptLocation(stack: string | undefined, scriptPath: string): string | undefined {
  for (const line of stack?.split('\n') ?? []) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (m && m[1]!.replace('file://', '') === scriptPath) return `${basename(scriptPath)}:${m[2]}`;
  }
  return undefined;
}
