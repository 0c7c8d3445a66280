/**
 * The end of a run: final threshold evaluation, the summary data, handleSummary() when the script
 * has one (in the lifecycle worker), then every output in order (outputs/registry.ts): the summary
 * on stdout, `--summary-export`, handleSummary's files, `--junit`, the `--out` outputs. A throwing
 * handleSummary loses nothing (the default summary prints, the export is written), and an output
 * that fails loses only itself.
 */
import type { Io } from '../io.js';
import type { ResolvedOptions } from '../config/options.js';
import type { MetricStore } from '../metrics/metric-store.js';
import { allPassed } from '../thresholds/thresholds.js';
import type { OutputSet } from '../outputs/output-set.js';
import { ExitCode, VolleyError } from '../errors.js';
import type { SummaryData } from '../outputs/summary-data.js';
import type { CustomSummary } from '../outputs/output.js';
import type { LifecycleClient } from './lifecycle-client.js';
import type { LiveRunResult } from './live-run.js';
import type { RunOutcome } from './exit-code.js';
import type { RunRequest } from './run-request.js';
import { buildSummary } from './summary-builder.js';
import type { LiveThresholds } from './live-thresholds.js';
import type { LoadDriver } from './load-driver.js';

export interface FinishParams {
  req: RunRequest;
  io: Io;
  options: ResolvedOptions;
  store: MetricStore;
  thresholds: LiveThresholds;
  run: LiveRunResult;
  outputs: OutputSet;
  outcome: RunOutcome;
  lifecycle: LifecycleClient;
  hasHandleSummary: boolean;
  /** Steered the load (volley capacity): its verdict replaces the thresholds' (they are only reported). */
  driver?: LoadDriver;
}

/** Returns the summary data it wrote. */
export async function finishRun(p: FinishParams): Promise<SummaryData> {
  const { io, req, store, outcome } = p;
  const durationMs = Math.max(0, p.run.endedAtMs - p.run.startedAtMs);
  const results = p.thresholds.final(durationMs);
  const verdict = p.driver?.verdict();
  if (verdict ? verdict.failed : !allPassed(results)) outcome.thresholdsFailed = true;
  const summary = buildSummary({
    store,
    durationMs,
    trendStats: p.options.summaryTrendStats,
    timeUnit: p.options.summaryTimeUnit,
    thresholds: results,
    extraKeys: ['http_req_duration{expected_response:true}'],
    errors: p.run.errors,
    iterations: p.run.iterations,
    workerFailures: p.run.workerFailures,
    stdoutIsTTY: io.stdoutIsTTY,
    stderrIsTTY: io.stderrIsTTY,
    noColor: req.noColor,
    perScope: req.summaryMode === 'full',
  });
  const breakingPoint = p.thresholds.breakingPoint;
  const data: SummaryData = { ...summary, ...(breakingPoint ? { breakingPoint } : {}), ...verdict?.summary };
  const custom = p.hasHandleSummary ? await handleSummary(p, data) : undefined;
  const failures = await p.outputs.finish({ summary: data, custom });
  // A handleSummary file that cannot be written is the script's error, as a throwing handleSummary is.
  if (failures.some((err) => err instanceof VolleyError && err.exitCode === ExitCode.scriptError)) outcome.lateScriptError = true;
  return data;
}

/** Runs the script's handleSummary; undefined when it failed (107, said on stderr), so the default summary prints instead. */
async function handleSummary(p: FinishParams, data: SummaryData): Promise<CustomSummary | undefined> {
  try {
    const { handled, files } = await p.lifecycle.request({ type: 'handleSummary', summaryJson: JSON.stringify(data) }, 'summaryDone');
    return { handled, files };
  } catch (err) {
    if (!(err instanceof VolleyError)) throw err;
    p.io.stderr.write(`error: ${err.message}\n`);
    p.outcome.lateScriptError = true;
    return undefined;
  }
}
