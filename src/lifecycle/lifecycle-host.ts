/** The lifecycle worker's state: the evaluated bundle and the stages it runs. */
import { pathToFileURL } from 'node:url';
import type { FromLifecycle, MetricDecl } from '../ipc/messages.js';
import type { ResolvedOptions } from '../config/options.js';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';
import { ScriptError } from '../errors.js';
import { enterInit, leaveInit, runtime } from '../api/runtime.js';
import { describeScriptError } from '../worker/script-error.js';
import { catchStrayErrors, describeStrayError } from '../worker/stray-errors.js';

import type { Stage, TestControlFn } from './run-stage.js';

export class LifecycleHost {
  private mod: Record<string, unknown> = {};
  private scriptPath = '';
  private env: Record<string, string> = {};

  async load(bundlePath: string, scriptPath: string, env: Record<string, string>): Promise<FromLifecycle> {
    this.scriptPath = scriptPath;
    this.env = env;
    // Printed, as the load workers print theirs; the run goes on and its exit code is unchanged.
    catchStrayErrors((err, origin) => console.error(`error: ${describeStrayError(err, origin, scriptPath)}`));
    enterInit(scriptPath, env);
    try {
      this.mod = (await import(pathToFileURL(bundlePath).href)) as Record<string, unknown>;
    } catch (err) {
      throw new ScriptError(describeScriptError('init', err, scriptPath));
    } finally {
      leaveInit();
    }
    const metrics: MetricDecl[] = [...runtime.metrics.values()].map(({ name, kind, contains }) => ({ name, kind, contains }));
    const exports = Object.keys(this.mod).filter((k) => typeof this.mod[k] === 'function');
    // Loaded now, not inside setup's or teardown's timeout: their budget is the script's, not volley's module loading.
    if (exports.includes('setup') || exports.includes('teardown')) await import('./run-stage.js');
    let options: unknown;
    try {
      options = this.mod.options === undefined ? undefined : structuredClone(this.mod.options);
    } catch {
      throw new ScriptError('export const options must be plain data (no functions or class instances)');
    }
    return { type: 'loaded', options, exports, metrics };
  }

  async setup(options: ResolvedOptions, control: TestControlFn): Promise<FromLifecycle> {
    const { result, sink } = await this.runStage('setup', options, undefined, control);
    const setupData = result === undefined ? undefined : JSON.stringify(result);
    return { type: 'setupDone', setupData, final: sink.snapshot() };
  }

  async teardown(options: ResolvedOptions, setupData: string | undefined, control: TestControlFn): Promise<FromLifecycle> {
    const { sink } = await this.runStage('teardown', options, setupData, control);
    return { type: 'teardownDone', final: sink.snapshot() };
  }

  async handleSummary(summaryJson: string): Promise<FromLifecycle> {
    const fn = this.mod.handleSummary;
    if (typeof fn !== 'function') return { type: 'summaryDone', handled: false, files: {} };
    let result: unknown;
    try {
      result = await fn(JSON.parse(summaryJson));
    } catch (err) {
      throw new ScriptError(describeScriptError('handleSummary', err, this.scriptPath));
    }
    if (typeof result !== 'object' || result === null) throw new ScriptError('handleSummary must return an object such as { stdout: textSummary(data) }');
    const files: Record<string, string | Uint8Array> = {};
    for (const [k, v] of Object.entries(result)) files[k] = typeof v === 'string' || v instanceof Uint8Array ? v : v instanceof ArrayBuffer ? new Uint8Array(v) : JSON.stringify(v);
    return { type: 'summaryDone', handled: true, files };
  }

  private async runStage(stage: Stage, options: ResolvedOptions, setupData: string | undefined, control: TestControlFn): Promise<{ result: unknown; sink: WorkerMetrics }> {
    // Imported by load() only for scripts with setup/teardown: reading options needs none of the HTTP client or the metrics code.
    const { runStage } = await import('./run-stage.js');
    return runStage({ mod: this.mod, scriptPath: this.scriptPath, env: this.env }, stage, options, setupData, control);
  }
}
