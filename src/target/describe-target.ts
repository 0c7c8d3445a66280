/** The lines `volley target` (and src/target/main.ts) print when the target is ready. */
import type { RunningTarget } from './start-target.js';

/** One line per address the target serves, as `volley target: http://127.0.0.1:6180`. */
export function describeTarget(target: RunningTarget): string[] {
  return [`volley target: ${target.httpUrl}`, `volley target: ${target.wsUrl}`];
}
