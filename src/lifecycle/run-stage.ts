/**
 * Runs setup() or teardown() in the lifecycle worker with a context like a VU's (HTTP, checks,
 * metrics), its requests tagged with the stage's group. Loaded on the first stage, not at start-up.
 */
import type { ResolvedOptions } from '../config/options.js';
import type { BaseContext } from '../api/context.js';
import { ScriptError } from '../errors.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { clientOpeners } from '../clients/registry.js';
import { createContext } from '../worker/iteration-context.js';
import { TagCache, VuTagState } from '../worker/vu-tags.js';
import { TestAbortedError } from '../worker/test-abort.js';
import { describeScriptError } from '../worker/script-error.js';

export type Stage = 'setup' | 'teardown';
export type TestControlFn = (action: 'abort' | 'fail', reason: string) => void;

/** The evaluated bundle and what it was loaded with. */
export interface LoadedScript {
  mod: Record<string, unknown>;
  scriptPath: string;
  env: Record<string, string>;
}

export async function runStage(script: LoadedScript, stage: Stage, options: ResolvedOptions, setupData: string | undefined, control: TestControlFn): Promise<{ result: unknown; sink: WorkerMetrics }> {
  const sink = new WorkerMetrics(() => {});
  const fn = script.mod[stage];
  if (typeof fn !== 'function') return { result: undefined, sink };
  const tags = new VuTagState(new TagCache({ ...options.tags }));
  tags.enterGroup(`${stage}`);
  const services = {
    sink,
    clients: clientOpeners(options),
    now: () => performance.now(),
    onTestControl: control,
    instance: { vusActive: 0, vusInitialized: 0, iterationsCompleted: 0, iterationsInterrupted: 0, currentTestRunDuration: 0 },
  };
  const scenario = { name: '', executor: '', startTime: Date.now(), iterationInTest: 0, progress: 0 };
  const owned = createContext(services, tags, { signal: new AbortController().signal }, script.env, scenario, stage);
  const context: BaseContext & { data?: unknown } = owned.context;
  if (stage === 'teardown') Object.defineProperty(context, 'data', { value: setupData === undefined ? undefined : JSON.parse(setupData), enumerable: true });
  try {
    const result: unknown = await fn(context);
    // As an iteration does: the stage ends once what it started has ended (a WebSocket it opened has closed).
    await owned.idle();
    return { result, sink };
  } catch (err) {
    if (err instanceof TestAbortedError) return { result: undefined, sink };
    throw new ScriptError(describeScriptError(`${stage}()`, err, script.scriptPath));
  } finally {
    await owned.close();
  }
}
