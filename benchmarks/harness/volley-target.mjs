/**
 * volley's embedded target (`volley target --port 0`) as a benchmark peer in a child process:
 * pinned to a core when asked, with its open-files soft limit raised (one fd per WebSocket it
 * holds), its WebSocket origin read from the line it prints when ready.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from './cleanup.mjs';
import { pinned, stopChild, tail } from './child.mjs';

const CLI = join(fileURLToPath(new URL('../../', import.meta.url)), 'bin', 'volley.mjs');
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** Starts the target; resolves with `{ wsUrl, pid, stop() }` once it printed its ws:// origin. */
export async function startVolleyTarget({ cpu, openFiles }) {
  const line = pinned(cpu, '/bin/sh', ['-c', 'ulimit -n "$0" && exec "$@"', String(openFiles), process.execPath, CLI, 'target', '--port', '0']);
  const child = spawn(line.command, line.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const untrack = track(child);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let output = '';
  const wsUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`volley target printed no ws:// address within ${READY_TIMEOUT_MS} ms:\n${tail(output)}`)), READY_TIMEOUT_MS);
    const read = (chunk) => {
      output += chunk;
      const m = /volley target: (ws:\/\/\S+)/.exec(output);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`volley target exited before it was ready:\n${tail(output)}`));
    });
  }).catch((error) => {
    child.kill('SIGKILL');
    untrack();
    throw error;
  });
  const stop = async () => {
    await stopChild(child, exited, 'SIGTERM', STOP_TIMEOUT_MS);
    untrack();
  };
  return { wsUrl, pid: child.pid, stop };
}
