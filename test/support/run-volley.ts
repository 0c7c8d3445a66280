/**
 * Runs the real `volley` command (bin/volley.mjs, which loads the build in dist/) as a child process:
 * the end-to-end tests' way to assert exit codes and output.
 */
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root.js';
import { spawnNode, type NodeProcess, type ProcessResult, type SpawnOptions } from './spawn-node.js';

/** The entry point every end-to-end test runs. */
export const VOLLEY_BIN = join(REPO_ROOT, 'bin', 'volley.mjs');

/** Runs `volley ...args` to completion (CI=true, NO_COLOR=1); rejects, after killing it, past timeoutMs. */
export function runVolley(args: readonly string[], opts: SpawnOptions = {}): Promise<ProcessResult> {
  return spawnNode(VOLLEY_BIN, args, opts).result;
}

/** Starts `volley ...args` and returns at once, for tests that signal the process (SIGINT) mid-run. */
export function spawnVolley(args: readonly string[], opts: SpawnOptions = {}): NodeProcess {
  return spawnNode(VOLLEY_BIN, args, opts);
}

/** Sends `signal` and waits for the exit; `ms` is how long the process took to end after the signal. */
export async function signalAndWait(proc: NodeProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<{ res: ProcessResult; ms: number }> {
  const signalledAt = performance.now();
  proc.child.kill(signal);
  const res = await proc.result;
  return { res, ms: performance.now() - signalledAt };
}

export type { NodeProcess, ProcessResult, SpawnOptions };
