/**
 * The end of a run: final threshold evaluation, the summary data, either handleSummary() (in the
 * lifecycle worker) or the default text summary, then the files: `--summary-export`, handleSummary's
 * files, the `--out` outputs. A throwing handleSummary loses nothing (the default summary prints,
 * the export is written), and a file that cannot be written loses only itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Io } from '../io.js';
import type { ResolvedOptions } from '../config/options.js';
import type { MetricStore } from '../metrics/metric-store.js';
import { allPassed } from '../thresholds/thresholds.js';
import type { OutputSet } from '../outputs/output-set.js';
import { textSummary } from '../outputs/text-summary.js';
import { VolleyError } from '../errors.js';
import type { SummaryData } from '../outputs/summary-data.js';
import type { FromLifecycle } from '../ipc/messages.js';
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
    thresholds: results,
    extraKeys: ['http_req_duration{expected_response:true}'],
    errors: p.run.errors,
    iterations: p.run.iterations,
    stdoutIsTTY: io.stdoutIsTTY,
    stderrIsTTY: io.stderrIsTTY,
    noColor: req.noColor,
    perScope: req.summaryMode === 'full',
  });
  const breakingPoint = p.thresholds.breakingPoint;
  const data: SummaryData = { ...summary, ...(breakingPoint ? { breakingPoint } : {}), ...verdict?.summary };
  const custom = p.hasHandleSummary ? await handleSummary(p, data) : undefined;
  // The summary reaches stdout before any file is written: a file that fails cannot take it along.
  if (custom?.handled) {
    for (const [target, content] of Object.entries(custom.files)) if (target === 'stdout' || target === 'stderr') io[target].write(content);
  } else io.stdout.write(`\n${textSummary(data, { enableColors: !req.noColor && io.stdoutIsTTY })}\n`);
  if (req.summaryExport) await writeOrSay(io, resolve(io.cwd, req.summaryExport), JSON.stringify(data, null, 2) + '\n', '--summary-export');
  for (const [target, content] of Object.entries(custom?.files ?? {})) {
    if (target === 'stdout' || target === 'stderr') continue;
    if (!(await writeOrSay(io, resolve(io.cwd, target), content, 'handleSummary', true))) outcome.lateScriptError = true;
  }
  for (const message of await p.outputs.finish(data)) io.stderr.write(`error: ${message}\n`);
  return data;
}

/** Runs the script's handleSummary; undefined when it failed (107, said on stderr), so the default summary prints instead. */
async function handleSummary(p: FinishParams, data: SummaryData): Promise<Extract<FromLifecycle, { type: 'summaryDone' }> | undefined> {
  try {
    return await p.lifecycle.request({ type: 'handleSummary', summaryJson: JSON.stringify(data) }, 'summaryDone');
  } catch (err) {
    if (!(err instanceof VolleyError)) throw err;
    p.io.stderr.write(`error: ${err.message}\n`);
    p.outcome.lateScriptError = true;
    return undefined;
  }
}

/**
 * Writes one file of the results (creating its folders when `makeFolders`: handleSummary names
 * its files only at the end); a failure is one line naming the file, and false, so the other
 * files are still written.
 */
async function writeOrSay(io: Io, path: string, content: string | Uint8Array, what: string, makeFolders = false): Promise<boolean> {
  try {
    if (makeFolders) await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return true;
  } catch (err) {
    io.stderr.write(`error: ${what}: cannot write ${path} (${err instanceof Error ? err.message : String(err)})\n`);
    return false;
  }
}
