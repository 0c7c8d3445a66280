/**
 * The end of a run: final threshold evaluation, the summary data, `--summary-export`, and either
 * handleSummary() (in the lifecycle worker) or the default text summary. The export is written
 * first, so a throwing handleSummary loses nothing.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Io } from '../io.js';
import type { ResolvedOptions } from '../config/options.js';
import type { MetricStore } from '../metrics/metric-store.js';
import { allPassed } from '../thresholds/thresholds.js';
import type { OutputSet } from '../outputs/output-set.js';
import { textSummary } from '../outputs/text-summary.js';
import { VolleyError } from '../errors.js';
import type { SummaryData } from '../outputs/summary-data.js';
import type { LifecycleClient } from './lifecycle-client.js';
import type { LiveRunResult } from './live-run.js';
import type { RunOutcome } from './exit-code.js';
import type { RunRequest } from './run-request.js';
import { buildSummary } from './summary-builder.js';
import type { LiveThresholds } from './live-thresholds.js';

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
}

/** Returns the summary data it wrote. */
export async function finishRun(p: FinishParams): Promise<SummaryData> {
  const { io, req, store, outcome } = p;
  const durationMs = Math.max(0, p.run.endedAtMs - p.run.startedAtMs);
  const results = p.thresholds.final(durationMs);
  if (!allPassed(results)) outcome.thresholdsFailed = true;
  const data = buildSummary({
    store,
    durationMs,
    trendStats: p.options.summaryTrendStats,
    thresholds: results,
    extraKeys: ['http_req_duration{expected_response:true}'],
    errors: p.run.errors,
    workerFailures: p.run.workerFailures,
    stdoutIsTTY: io.stdoutIsTTY,
    stderrIsTTY: io.stderrIsTTY,
    noColor: req.noColor,
    perScope: req.summaryMode === 'full',
  });
  if (req.summaryExport) await writeFile(resolve(io.cwd, req.summaryExport), JSON.stringify(data, null, 2) + '\n');
  for (const message of await p.outputs.finish(data)) io.stderr.write(`error: ${message}\n`);
  if (p.hasHandleSummary && (await handleSummary(p, data))) return data;
  io.stdout.write(`\n${textSummary(data, { enableColors: !req.noColor && io.stdoutIsTTY })}\n`);
  return data;
}

/** Runs the script's handleSummary and writes what it returns; false when the default summary should print instead. */
async function handleSummary(p: FinishParams, data: SummaryData): Promise<boolean> {
  try {
    const done = await p.lifecycle.request({ type: 'handleSummary', summaryJson: JSON.stringify(data) }, 'summaryDone');
    for (const [target, content] of Object.entries(done.files)) {
      if (target === 'stdout') p.io.stdout.write(content);
      else if (target === 'stderr') p.io.stderr.write(content);
      else await writeFile(resolve(p.io.cwd, target), content);
    }
    return done.handled;
  } catch (err) {
    if (!(err instanceof VolleyError)) throw err;
    p.io.stderr.write(`error: ${err.message}\n`);
    p.outcome.lateScriptError = true;
    return false;
  }
}
