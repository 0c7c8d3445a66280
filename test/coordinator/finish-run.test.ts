/** The end of a run: the summary reaches stdout before any file is written, and a file that fails loses only itself (#12). */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import type { ConfigIssue } from '../../src/errors.js';
import type { ResolvedOptions } from '../../src/config/options.js';
import type { LifecycleClient } from '../../src/coordinator/lifecycle-client.js';
import type { RunRequest } from '../../src/coordinator/run-request.js';
import { finishRun, type FinishParams } from '../../src/coordinator/finish-run.js';
import { emptyOutcome, exitCodeOf } from '../../src/coordinator/exit-code.js';
import { LiveThresholds } from '../../src/coordinator/live-thresholds.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { Thresholds } from '../../src/thresholds/thresholds.js';
import { OutputSet } from '../../src/outputs/output-set.js';
import { parseOutputs } from '../../src/cli/outputs.js';
import { WHOLE } from '../../src/executors/segment.js';
import { tempDir } from '../support/temp-dir.js';

/** A stream that calls `onWrite` with each chunk as it is written, synchronously. */
function recorder(onWrite: (text: string) => void): Writable {
  return new Writable({ write: (chunk: Buffer, _enc, done) => (onWrite(chunk.toString()), done()) });
}

function params(dir: string, opts: { summaryExport?: string; files?: Record<string, string>; onStdout?: (text: string) => void }) {
  const stderr: string[] = [];
  const io: Io = { stdout: recorder(opts.onStdout ?? (() => {})), stderr: recorder((t) => stderr.push(t)), env: {}, cwd: dir, stdoutIsTTY: false, stderrIsTTY: false, onSignal: () => () => {} };
  const store = new MetricStore();
  // handleSummary runs in the lifecycle thread; here only its answer matters.
  const lifecycle = { request: async () => ({ type: 'summaryDone', handled: true, files: opts.files ?? {} }) } as unknown as LifecycleClient;
  const options = { summaryTrendStats: ['avg'] } as unknown as ResolvedOptions;
  // The run's own outputs, as the CLI picks them from the registry (the summary, --summary-export, handleSummary's files).
  const issues: ConfigIssue[] = [];
  const specs = parseOutputs([], (flag) => (flag === 'summary-export' ? opts.summaryExport : undefined), dir, issues);
  if (issues.length) throw new Error(issues.map((i) => i.message).join('; '));
  const start = { io, options, scenarios: [], scriptPath: join(dir, 'script.ts'), startedAtMs: 0, segment: WHOLE, workers: 1, quiet: true, noColor: true, live: { activeVUs: () => 0 } };
  const p: FinishParams = {
    req: { summaryMode: 'compact', noColor: true } as RunRequest,
    io,
    options,
    store,
    thresholds: new LiveThresholds(Thresholds.from([]), store, () => {}),
    run: { startedAtMs: 0, endedAtMs: 1000, errors: [], iterations: { complete: 0, interrupted: 0 }, workerFailures: [] },
    outputs: new OutputSet(specs, start, (line) => stderr.push(line)),
    outcome: emptyOutcome(),
    lifecycle,
    hasHandleSummary: opts.files !== undefined,
  };
  return { p, stderr };
}

describe('finishRun', () => {
  it("prints the summary before it writes --summary-export and handleSummary's files", async () => {
    const dir = await tempDir();
    const seen: boolean[] = [];
    const { p } = params(dir, {
      summaryExport: 'export.json',
      files: { stdout: 'custom summary\n', 'report.txt': 'r' },
      onStdout: () => seen.push(existsSync(join(dir, 'export.json')) || existsSync(join(dir, 'report.txt'))),
    });
    await finishRun(p);
    expect(seen).toEqual([false]);
    expect(existsSync(join(dir, 'export.json')) && existsSync(join(dir, 'report.txt'))).toBe(true);
  });

  it("creates handleSummary's missing folders; a file that cannot be written is one line naming it, the others are written, and the run exits 107", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a-file'), '');
    const { p, stderr } = params(dir, { files: { 'new/deeper/a.json': '{}', 'a-file/b.txt': 'b', 'c.txt': 'c' } });
    await finishRun(p);
    expect(await readFile(join(dir, 'new/deeper/a.json'), 'utf8')).toBe('{}');
    expect(await readFile(join(dir, 'c.txt'), 'utf8')).toBe('c');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(new RegExp(`^error: handleSummary: cannot write ${join(dir, 'a-file/b.txt')} \\(EEXIST: .*\\)\n$`));
    expect(exitCodeOf(p.outcome)).toBe(107);
  });

  it('says so in one line when --summary-export cannot be written at the end (its folder went away), after printing the summary', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'out'));
    let printed = '';
    const { p, stderr } = params(dir, { summaryExport: 'out/summary.json', onStdout: (t) => (printed += t) });
    await rm(join(dir, 'out'), { recursive: true });
    await finishRun(p);
    expect(printed).toContain('TOTAL RESULTS');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(new RegExp(`^error: --summary-export: cannot write ${join(dir, 'out/summary.json')} \\(ENOENT: .*\\)\n$`));
    expect(exitCodeOf(p.outcome)).toBe(0);
  });
});
