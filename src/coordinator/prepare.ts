/**
 * The start every command that reads a scenario shares (`run`, `inspect`, later `capacity`):
 * compile it, evaluate it in the lifecycle worker to read `options`, resolve them with the flags,
 * checking exec names and thresholds against the script's exports and metric types. Nothing runs yet.
 * A stop (`stop` aborts: ^C) ends it at once with a StoppedError, terminating the lifecycle thread.
 */
import type { Io } from '../io.js';
import type { CompiledScenario } from '../compile/bundle.js';
import { compileScenario } from '../compile/early-compile.js';
import type { ResolvedOptions } from '../config/options.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { Thresholds } from '../thresholds/thresholds.js';
import { LifecycleClient } from './lifecycle-client.js';
import type { RunRequest } from './run-request.js';
import { markStartup, traceStartup } from './startup-trace.js';
import { unlessStopped } from './stop-control.js';

/** The exports that run in the lifecycle thread after the options are read. */
const LIFECYCLE_STAGES = ['setup', 'teardown', 'handleSummary'];

/** A compiled, loaded and validated scenario; `dispose` releases the lifecycle worker and the bundle. */
export interface PreparedScenario {
  compiled: CompiledScenario;
  lifecycle: LifecycleClient;
  exports: string[];
  env: Record<string, string>;
  options: ResolvedOptions;
  thresholds: Thresholds;
  store: MetricStore;
  dispose(): Promise<void>;
}

export async function prepareScenario(
  req: RunRequest,
  io: Io,
  onTestControl: (action: 'abort' | 'fail', reason: string) => void,
  stop?: AbortSignal,
): Promise<PreparedScenario> {
  traceStartup(io);
  markStartup('compile-start');
  // The lifecycle thread starts (or is already warm, bin/volley.mjs) and the option code loads while esbuild compiles.
  const lifecycle = new LifecycleClient(io.stderr, onTestControl);
  const compiling = compileScenario(req.script, io.cwd); // or the compile bin/volley.mjs started
  const resolver = import('./resolve-options.js');
  resolver.catch(() => {}); // awaited once loaded; a failed compile must not leave it unhandled
  let compiled: CompiledScenario;
  try {
    compiled = await unlessStopped(compiling, stop, 'the compile');
  } catch (err) {
    compiling.then((c) => c.dispose(), () => {}); // stopped: the bundle still comes, and goes
    await lifecycle.close();
    throw err;
  }
  markStartup('compiled');
  let released: Promise<void> | undefined;
  const dispose = async () => {
    await released;
    await lifecycle.close();
    await compiled.dispose();
  };
  try {
    const env = { ...(req.includeSystemEnv ? definedOnly(io.env) : {}), ...req.env };
    const loaded = await lifecycle.request({ type: 'load', bundlePath: compiled.bundlePath, scriptPath: compiled.scriptPath, env }, 'loaded', { stop });
    markStartup('lifecycle-loaded');
    // Without setup, teardown and handleSummary the thread has nothing left to do: it exits now
    // instead of holding its heap (≈ 10–15 MB) through the run.
    if (!LIFECYCLE_STAGES.some((name) => loaded.exports.includes(name))) released = lifecycle.close();
    const { options, thresholds, store, warnings } = (await resolver).resolveOptions(loaded, req);
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
    return { compiled, lifecycle, exports: loaded.exports, env, options, thresholds, store, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
