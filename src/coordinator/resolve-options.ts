/**
 * What `prepare` does with the options the lifecycle worker read: resolve them with the flags,
 * declare the script's metrics and parse the thresholds. Its own module so that its imports (the
 * config, metrics and threshold code) load while esbuild compiles, not before the compile starts.
 */
import { consolidate } from '../config/consolidate.js';
import { unknownOptionWarnings } from '../config/unknown-options.js';
import type { ResolvedOptions } from '../config/options.js';
import type { FromLifecycle } from '../ipc/messages.js';
import { MetricStore } from '../metrics/metric-store.js';
import { Thresholds } from '../thresholds/thresholds.js';
import { USER_AGENT } from '../version.js';
import type { RunRequest } from './run-request.js';

export interface ResolvedScenarioOptions {
  options: ResolvedOptions;
  thresholds: Thresholds;
  store: MetricStore;
  /** Top-level option keys volley ignores (see config/unknown-options.ts), one line each. */
  warnings: string[];
}

/** Throws ConfigError (104) or ScriptError (107, a metric declared twice with different types) as consolidate and the store do. */
export function resolveOptions(loaded: Extract<FromLifecycle, { type: 'loaded' }>, req: RunRequest): ResolvedScenarioOptions {
  const store = new MetricStore();
  for (const decl of loaded.metrics) store.declare(decl);
  const options = consolidate(loaded.options, req.flags, USER_AGENT, { exports: loaded.exports, kindOf: (name) => store.kindOf(name) });
  const thresholds = Thresholds.from(options.noThresholds ? [] : options.thresholds);
  // consolidate has thrown unless the options are an object or absent.
  const warnings = loaded.options === undefined ? [] : unknownOptionWarnings(loaded.options as Record<string, unknown>);
  return { options, thresholds, store, warnings };
}
