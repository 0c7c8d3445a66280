/**
 * Runs a Node script as a child process for end-to-end tests: captures its output, reports how it
 * ended, and kills it (failing loudly) if it outlives its timeout, so a hung child fails one test
 * with its output attached instead of stalling the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** How a child process ended, with everything it wrote. */
export interface ProcessResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Options for spawnNode; `env` is laid over the sanitised environment described there. */
export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Node's own flags, before the script (V8 flags NODE_OPTIONS does not accept). */
  nodeArgs?: readonly string[];
  /** The child's limit on open files (`ulimit -n`, set by /bin/sh, which then execs node in its place). */
  maxOpenFiles?: number;
  /**
   * Runs the child in a pseudo-terminal (util-linux `script -qfec`, no native addon): its stdout and
   * stderr are then one terminal, whose transcript (\r\n line ends) is the result's stdout.
   */
  terminal?: boolean;
  /** Kill the child and reject past this (default 50 s, under vitest's 60 s test timeout). */
  timeoutMs?: number;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
}

/** A running child: the process itself, its eventual result, and a way to wait for some output. */
export interface NodeProcess {
  child: ChildProcess;
  /** Resolves when the child exits; rejects if it fails to start or outlives timeoutMs. */
  result: Promise<ProcessResult>;
  /** Resolves with the output so far once it matches `pattern`; rejects if the child ends first. */
  waitForOutput(pattern: RegExp | string, stream?: 'stdout' | 'stderr'): Promise<string>;
}

const DEFAULT_TIMEOUT_MS = 50_000;

/**
 * Spawns `node [nodeArgs] script ...args`. The environment is the test's own minus FORCE_COLOR and any
 * VOLLEY_* variable (so a developer's shell cannot change a test's run), plus CI=true, NO_COLOR=1
 * and `opts.env`.
 */
export function spawnNode(script: string, args: readonly string[], opts: SpawnOptions = {}): NodeProcess {
  return spawnCommand(process.execPath, [...(opts.nodeArgs ?? []), script, ...args], opts);
}

/** Runs any command (`npm`, `npx`) the way spawnNode runs node, with the same environment and timeout. */
export function runCommand(command: string, args: readonly string[], opts: SpawnOptions = {}): Promise<ProcessResult> {
  return spawnCommand(command, args, opts).result;
}

function spawnCommand(command: string, args: readonly string[], opts: SpawnOptions): NodeProcess {
  const started = performance.now();
  // sh's `exec` keeps the pid: signals and the timeout's SIGKILL reach the command itself.
  let argv = opts.maxOpenFiles === undefined ? [command, ...args] : ['/bin/sh', '-c', `ulimit -n ${opts.maxOpenFiles} && exec "$0" "$@"`, command, ...args];
  // Killing `script` closes the terminal, and the kernel hangs up (SIGHUP) the node inside it.
  if (opts.terminal) argv = ['script', '-qfec', argv.map(shellQuote).join(' '), '/dev/null'];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: opts.cwd,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const collect = (stream: 'stdout' | 'stderr', hook?: (chunk: string) => void) => (chunk: string) => {
    out[stream] += chunk;
    hook?.(chunk);
    for (const check of waiters) check();
  };
  child.stdout!.setEncoding('utf8').on('data', collect('stdout', opts.onStdout));
  child.stderr!.setEncoding('utf8').on('data', collect('stderr', opts.onStderr));
  const result = awaitExit(child, command, args, out, started, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // Marks the promise handled for callers that await it only later; awaiting it still rejects.
  result.catch(() => {});
  const waitForOutput = (pattern: RegExp | string, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const text = out[stream];
        if (typeof pattern === 'string' ? !text.includes(pattern) : !pattern.test(text)) return;
        waiters.delete(check);
        resolve(text);
      };
      waiters.add(check);
      check();
      result.then(
        () => reject(new Error(`process ended before its ${stream} matched ${String(pattern)}\n${describeOutput(out)}`)),
        reject,
      );
    });
  return { child, result, waitForOutput };
}

/** One word for sh: single-quoted, its own single quotes spelled '\''. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function childEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'FORCE_COLOR' && !key.startsWith('VOLLEY_')) env[key] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1', ...extra };
}

function awaitExit(
  child: ChildProcess,
  command: string,
  args: readonly string[],
  out: { stdout: string; stderr: string },
  started: number,
  timeoutMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    // 'close', not 'exit': it waits until stdout and stderr are drained, so no output is lost.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const durationMs = performance.now() - started;
      if (timedOut) {
        const cmd = [command === process.execPath ? 'node' : command, ...args].join(' ');
        return reject(new Error(`\`${cmd}\` was still running after ${timeoutMs} ms and was killed\n${describeOutput(out)}`));
      }
      resolve({ code, signal, stdout: out.stdout, stderr: out.stderr, durationMs });
    });
  });
}

function describeOutput(out: { stdout: string; stderr: string }): string {
  const tail = (s: string): string => (s.length > 4000 ? `…${s.slice(-4000)}` : s);
  return `--- stdout ---\n${tail(out.stdout)}\n--- stderr ---\n${tail(out.stderr)}`;
}
