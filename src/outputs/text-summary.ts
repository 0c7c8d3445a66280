/**
 * The end-of-test summary as text, laid out like k6 v1's summary (`internal/js/summary.js`): a
 * THRESHOLDS block (✓/✗ per expression with the value it compared), TOTAL RESULTS (k6's end-of-run
 * `N complete and M interrupted iterations`, check totals, each check under its group, then metrics
 * by section with dotted names and aligned columns), in
 * full mode a block per group and per scenario, and, volley's additions, ITERATION ERRORS and
 * WORKER FAILURES. Pure: SummaryData in, string out; exported to scenarios for handleSummary.
 */
import type { SummaryData, SummaryGroup } from './summary-data.js';
import { observedText } from './threshold-observed.js';
import { parentName, sortKeys } from './summary-sections.js';
import { ANSI, BODY, FAIL, OK, PLAIN, title, type Style } from './summary-style.js';
import { checkLine, checkTotalRows, metricSections, nameWidth, renderRows } from './summary-rows.js';
import { scopeBlocks } from './scope-blocks.js';
import { capacityBlock } from './capacity-block.js';
import { breakingPointLines } from './breaking-point-line.js';

/**
 * `indent` prefixes every line (default none); `enableColors` adds ANSI colours (default off);
 * `summaryMode: 'full'` adds the per-group and per-scenario blocks, which need the data of a run
 * with `--summary-mode full` (the default: `full` when the data holds them).
 */
export interface TextSummaryOptions {
  indent?: string;
  enableColors?: boolean;
  summaryMode?: 'compact' | 'full';
}

/** Renders the summary; lines end without trailing spaces, the text ends with a newline. */
export function textSummary(data: SummaryData, opts: TextSummaryOptions = {}): string {
  const style = opts.enableColors === true ? ANSI : PLAIN;
  const indent = opts.indent ?? '';
  const full = (opts.summaryMode ?? 'full') === 'full';
  const blocks = [
    capacityBlock(data, style),
    [...thresholdsBlock(data, style), ...breakingPointLines(data, style)],
    totalResultsBlock(data, style),
    ...(full ? scopeBlocks(data, style) : []),
    iterationErrorsBlock(data, style),
    workerFailuresBlock(data, style),
  ];
  // k6's spacing: a blank line before the first title and two between blocks.
  const lines = blocks.filter((b) => b.length > 0).flatMap((b) => ['', ...trimTrailingBlanks(b), '']);
  return `${lines.map((l) => (l.trim() === '' ? '' : indent + l.trimEnd())).join('\n')}\n`;
}

function trimTrailingBlanks(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]?.trim() === '') end--;
  return lines.slice(0, end);
}

function thresholdsBlock(data: SummaryData, style: Style): string[] {
  const keys = sortKeys(Object.keys(data.metrics).filter((k) => Object.keys(data.metrics[k]?.thresholds ?? {}).length > 0));
  if (keys.length === 0) return [];
  const lines = [title('THRESHOLDS', style), ''];
  for (const key of keys) {
    const metric = data.metrics[key]!;
    const parent = parentName(key);
    const nested = parent !== key && keys.includes(parent);
    const pad = nested ? `${BODY}  ` : BODY;
    lines.push(pad + (nested ? key.slice(parent.length) : key));
    for (const [expression, entry] of Object.entries(metric.thresholds ?? {})) {
      const mark = entry.ok ? style.ok(OK) : style.fail(FAIL);
      const observed = observedText(expression, entry, metric, data.options.summaryTimeUnit, style.value);
      lines.push(`${pad}${mark} '${expression}'${observed && ` ${observed}`}`);
    }
    lines.push('');
  }
  return lines;
}

function totalResultsBlock(data: SummaryData, style: Style): string[] {
  const checkRows = totalCheckRows(data);
  const sections = metricSections(data.metrics, data, BODY);
  // Names line up across the whole block; value columns within a section, as k6 does.
  const width = nameWidth([...checkRows, ...sections.flatMap((s) => s.rows)]);
  const lines = [title('TOTAL RESULTS', style), '', ...iterationCountLine(data, style)];
  if (checkRows.length > 0) lines.push(...renderRows(checkRows, width, data, style), '', ...checkLines(data.root_group, BODY, style), '');
  for (const s of sections) lines.push(BODY + style.bold(s.section), ...renderRows(s.rows, width, data, style), '');
  return lines;
}

/** `5990 complete and 10 interrupted iterations` (the words of k6's end-of-run line), then a blank line. */
function iterationCountLine(data: SummaryData, style: Style): string[] {
  // Data written by an older volley (an export fed back to textSummary) has no counts.
  const counts = data.state.iterations as SummaryData['state']['iterations'] | undefined;
  if (!counts) return [];
  const interrupted = `${counts.interrupted} interrupted`;
  return [`${BODY}${counts.complete} complete and ${counts.interrupted > 0 ? style.fail(interrupted) : interrupted} iterations`, ''];
}

/** The check totals, from the `checks` rate or else from the group tree; none without checks. */
function totalCheckRows(data: SummaryData) {
  const checks = data.metrics.checks;
  const tree = countChecks(data.root_group);
  const passes = checks?.values.passes ?? tree.passes;
  const fails = checks?.values.fails ?? tree.fails;
  if (passes + fails === 0 && tree.count === 0) return [];
  return checkTotalRows(BODY, passes, fails, data.state.testRunDurationMs / 1000);
}

function countChecks(group: SummaryGroup): { passes: number; fails: number; count: number } {
  const sum = { passes: 0, fails: 0, count: group.checks.length };
  for (const c of group.checks) {
    sum.passes += c.passes;
    sum.fails += c.fails;
  }
  for (const g of group.groups) {
    const inner = countChecks(g);
    sum.passes += inner.passes;
    sum.fails += inner.fails;
    sum.count += inner.count;
  }
  return sum;
}

/** The group's checks, then each sub-group holding checks under a `█ name` heading, one level deeper. */
function checkLines(group: SummaryGroup, pad: string, style: Style): string[] {
  const lines = group.checks.flatMap((c) => checkLine(c, pad, style));
  for (const g of group.groups) {
    if (countChecks(g).count === 0) continue;
    lines.push('', `${pad}█ ${g.name}`, ...checkLines(g, `${pad}  `, style));
  }
  return lines;
}

/** `3 iteration errors: TypeError: x is undefined at scenario.ts:12`, most frequent first. */
function iterationErrorsBlock(data: SummaryData, style: Style): string[] {
  const errors = data.iteration_errors ?? [];
  if (errors.length === 0) return [];
  const sorted = [...errors].sort((a, b) => b.count - a.count);
  const lines = sorted.map((e) => {
    const what = `${e.count} iteration ${e.count === 1 ? 'error' : 'errors'}:`;
    const message = e.message.split('\n', 1)[0] ?? '';
    return `${BODY}${style.fail(what)} ${message}${e.location ? ` at ${e.location}` : ''}`;
  });
  return [title('ITERATION ERRORS', style), '', ...lines];
}

/** `worker 1 of 2 died at 0.3s: the script called process.exit(3) at scenario.ts:7`. */
function workerFailuresBlock(data: SummaryData, style: Style): string[] {
  const failures = data.worker_failures ?? [];
  if (failures.length === 0) return [];
  const lines = failures.map((f) => {
    const what = `worker ${f.worker} of ${f.workers} ${f.kind === 'died' ? 'died' : 'was ended'} at ${(f.atMs / 1000).toFixed(1)}s:`;
    return `${BODY}${style.fail(what)} ${f.reason}`;
  });
  return [title('WORKER FAILURES', style), '', ...lines];
}
