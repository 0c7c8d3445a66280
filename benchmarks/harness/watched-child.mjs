/**
 * A child process the harness watches while it runs: its stderr read line by line as it comes
 * (a benchmark times what it says), its memory sampled from /proc every `sampleMs`, bounded in
 * time and tracked for cleanup like every child (see child.mjs for the plain version).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { track } from './cleanup.mjs';
import { readMemory } from './proc-status.mjs';
import { killAfter } from './child.mjs';

/**
 * Runs `command args` and resolves with `{ code, signal, timedOut, stdout, stderr, samples }`, where
 * samples are `{ t, rssKb, hwmKb }` (t in performance.now() ms). `onStderrLine(line, t)` sees each
 * stderr line as it arrives. Past `timeoutMs`: SIGTERM, then SIGKILL 3 s later; reported, not thrown.
 */
export function runWatched(command, args, { cwd, env, timeoutMs = 60_000, sampleMs = 250, onStderrLine } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const untrack = track(child);
    const out = [];
    const err = [];
    let partial = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => {
      err.push(chunk);
      const t = performance.now();
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop();
      for (const line of lines) onStderrLine?.(line, t);
    });
    const samples = [];
    const sampler = setInterval(() => {
      const memory = readMemory(child.pid);
      // An exiting process (a zombie) still has a status file, without the Vm lines.
      if (memory !== null && Number.isFinite(memory.rssKb)) samples.push({ t: performance.now(), ...memory });
    }, sampleMs);
    const deadline = killAfter(child, timeoutMs);
    const done = () => {
      clearInterval(sampler);
      deadline.clear();
      untrack();
    };
    child.on('error', (error) => {
      done();
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      done();
      const stdout = Buffer.concat(out).toString('utf8');
      resolve({ code, signal, timedOut: deadline.timedOut, stdout, stderr: Buffer.concat(err).toString('utf8'), samples });
    });
  });
}
