/**
 * Exceptions thrown by iterations, and errors outside any iteration, counted per distinct message
 * within a worker. The first one of each kind is printed with its stack (source-mapped to the
 * user's file); later ones only count, so a failing line cannot flood the output.
 */
import type { IterationErrorCount } from '../ipc/messages.js';
import { describeScriptError, scriptLine } from './script-error.js';
import { describeStrayError, type StrayOrigin } from './stray-errors.js';

const MAX_DISTINCT = 100;

export class IterationErrors {
  private readonly byMessage = new Map<string, IterationErrorCount>();
  private readonly scriptPath: string;
  constructor(scriptPath: string) {
    this.scriptPath = scriptPath;
  }
  /** An exception an iteration of the VU `vuLabel` threw. */
  record(err: unknown, vuLabel: string): void {
    if (this.count(err)) console.error(`[${vuLabel}] ${describeScriptError('an iteration', err, this.scriptPath)}`);
  }
  /** An error outside any iteration (stray-errors.ts): counted with the iteration errors, its VU unknown. */
  recordStray(err: unknown, origin: StrayOrigin): void {
    if (this.count(err)) console.error(describeStrayError(err, origin, this.scriptPath));
  }
  /** Counts `err` under its message; true when it is the first of its kind (to be printed). */
  private count(err: unknown): boolean {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : `Error: ${String(err)}`;
    const known = this.byMessage.get(message);
    if (known) {
      known.count++;
      return false;
    }
    const location = err instanceof Error ? scriptLine(err.stack, this.scriptPath) : undefined;
    if (this.byMessage.size < MAX_DISTINCT) this.byMessage.set(message, { message, location, count: 1 });
    return true;
  }
  list(): IterationErrorCount[] {
    return [...this.byMessage.values()];
  }
}

