/**
 * volley as a process the harness watches (memory and start-up benchmarks): `bin/volley.mjs run`
 * with the start-up trace on (TRACE_VOLLEY_STARTUP=1, see src/coordinator/startup-trace.ts), its RSS
 * sampled from /proc, the moment the workers were told to start taken from the trace line, and the
 * summary read from `--summary-export`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pinned, tail } from '../harness/child.mjs';
import { atExit } from '../harness/cleanup.mjs';
import { runWatched } from '../harness/watched-child.mjs';
import { makeWorkDir } from '../harness/work-dir.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'volley.mjs');

/**
 * Runs `volley run SCENARIO ...args --quiet --summary-export F` and resolves with
 * `{ spawnedAt, startedAt, trace, samples, summary, pid }` (times in performance.now() ms of this
 * process; startedAt: when the trace line arrived; trace: its phases in ms). `openFiles` raises the
 * child's soft open-files limit (a shell `ulimit -n` that then execs node, so the pid sampled is
 * volley's own); `cpu` pins it (taskset, which execs too). A non-zero exit or a timeout throws with
 * volley's last lines.
 */
export async function runVolleyWatched({ scenario, args, openFiles, cpu, timeoutMs, sampleMs }) {
  const dir = makeWorkDir('volley-');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forget = atExit(removeDir);
  const summaryPath = join(dir, 'summary.json');
  try {
    const volleyArgs = [CLI, 'run', scenario, ...args, '--quiet', '--summary-export', summaryPath];
    const line = openFiles
      ? pinned(cpu, '/bin/sh', ['-c', 'ulimit -n "$0" && exec "$@"', String(openFiles), process.execPath, ...volleyArgs])
      : pinned(cpu, process.execPath, volleyArgs);
    let startedAt;
    let trace;
    const onStderrLine = (line, t) => {
      const parsed = parseTrace(line);
      if (parsed === null || trace !== undefined) return;
      trace = parsed;
      startedAt = t;
    };
    const env = { ...process.env, TRACE_VOLLEY_STARTUP: '1' };
    const spawnedAt = performance.now();
    const result = await runWatched(line.command, line.args, { cwd: ROOT, env, timeoutMs, sampleMs, onStderrLine });
    if (result.code !== 0 || result.timedOut) {
      const how = result.timedOut ? 'was killed after its time limit' : `exited ${result.code ?? result.signal}`;
      throw new Error(`volley ${how}: ${['node', ...volleyArgs].join(' ')}\n${tail(`${result.stdout}\n${result.stderr}`)}`);
    }
    if (trace === undefined) throw new Error(`volley wrote no start-up trace line:\n${tail(result.stderr)}`);
    if (!existsSync(summaryPath)) throw new Error(`volley exited 0 but wrote no summary to ${summaryPath}`);
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    return { spawnedAt, startedAt, trace, samples: result.samples, summary };
  } finally {
    forget();
    removeDir();
  }
}

/** `startup: cli 95ms, compile 40ms, ...` → `{ cli: 95, compile: 40, ... }` (camelCased), or null for other lines. */
export function parseTrace(line) {
  const m = /^startup: (.*)$/.exec(line.trim());
  if (m === null) return null;
  const phases = {};
  for (const part of m[1].split(', ')) {
    const p = /^(.+) (-?[\d.]+|NaN)ms$/.exec(part);
    if (p !== null) phases[p[1].replace(/ (\w)/g, (_, c) => c.toUpperCase())] = Number(p[2]);
  }
  return phases;
}
