/**
 * Runs one load generator as a child process: optionally pinned to a core, bounded in time, its
 * output captured, its pid tracked so ^C or an error never leaves it running.
 */
import { spawn } from 'node:child_process';
import { track } from './cleanup.mjs';
import { findExecutable } from './find-executable.mjs';

const TASKSET = findExecutable('taskset');

/** Whether pinning is possible here; without taskset every process floats and figures are noisier. */
export function canPin() {
  return TASKSET !== null;
}

/**
 * The command line with `taskset -c CPU` in front when a core is asked for and taskset exists.
 * taskset execs the command, so the pid the harness sees is the command's own.
 */
export function pinned(cpu, command, args) {
  if (cpu === undefined || TASKSET === null) return { command, args };
  return { command: TASKSET, args: ['-c', String(cpu), command, ...args] };
}

/**
 * Runs `command args` (pinned to `cpu` when given) and resolves with its exit code, signal, stdout
 * and stderr. Past `timeoutMs` it is sent SIGTERM, then SIGKILL 3 s later, so a hung generator
 * cannot hold the run; a timeout is reported in the result (`timedOut`), not thrown.
 */
export function runChild(command, args, { cpu, timeoutMs, cwd, env } = {}) {
  const line = pinned(cpu, command, args);
  return new Promise((resolve, reject) => {
    const child = spawn(line.command, line.args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const untrack = track(child);
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const deadline = killAfter(child, timeoutMs ?? 60_000);
    child.on('error', (error) => {
      deadline.clear();
      untrack();
      reject(new Error(`could not start ${line.command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      deadline.clear();
      untrack();
      resolve({
        code,
        signal,
        timedOut: deadline.timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * Bounds a child in time: past `timeoutMs` it is sent SIGTERM, then SIGKILL 3 s later. `timedOut`
 * tells whether that happened; `clear()` (on exit) cancels both timers.
 */
export function killAfter(child, timeoutMs) {
  let killTimer;
  const deadline = {
    timedOut: false,
    clear() {
      clearTimeout(timer);
      clearTimeout(killTimer);
    },
  };
  const timer = setTimeout(() => {
    deadline.timedOut = true;
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), 3000);
  }, timeoutMs);
  return deadline;
}

/** Sends `signal` to a long-running child (a server, a capture), then SIGKILL if `exited` has not resolved within `graceMs`; resolves once it has. */
export async function stopChild(child, exited, signal, graceMs) {
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The last few lines of a child's stderr, for an error message that says what went wrong. */
export function tail(text, lines = 8) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
