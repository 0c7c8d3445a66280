/**
 * The scenario runtime's per-thread state: the one piece of module-level state volley keeps
 * (DESIGN.md). A worker or the lifecycle worker fills it before it imports the scenario bundle, and
 * the bundle's `import ... from 'volley'` reaches the same state, so `env`, `open` and custom
 * metrics see it. The state hangs off globalThis rather than this module: a thread's engine is a
 * bundle with its own copy of this module, the scenario's `volley` import loads dist/api/, and both
 * copies must share one state.
 */
import type { MetricDef } from '../metrics/metric.js';

interface RuntimeState {
  /** The user's scenario file, for `open()`'s relative paths. */
  scriptPath: string | undefined;
  /** True while the bundle's top level runs: metrics and `open` are allowed only then. */
  inInit: boolean;
  /** Custom metrics created by init code, by name. */
  readonly metrics: Map<string, MetricDef>;
}

interface ThreadState {
  readonly env: Record<string, string | undefined>;
  readonly runtime: RuntimeState;
}

const STATE_KEY = Symbol.for('volley.runtime');
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: ThreadState };
const state: ThreadState = (holder[STATE_KEY] ??= { env: {}, runtime: { scriptPath: undefined, inInit: false, metrics: new Map() } });

/** The run-wide environment seen by init code (`import { env } from 'volley'`). Filled in place. */
export const runtimeEnv: Record<string, string | undefined> = state.env;

/** This thread's runtime state. */
export const runtime: RuntimeState = state.runtime;

/** Called by the thread that loads a bundle, before importing it. */
export function enterInit(scriptPath: string, env: Record<string, string>): void {
  runtime.scriptPath = scriptPath;
  runtime.inInit = true;
  for (const key of Object.keys(runtimeEnv)) delete runtimeEnv[key];
  Object.assign(runtimeEnv, env);
}

/** Called once the bundle's top level has run. */
export function leaveInit(): void {
  runtime.inInit = false;
}
