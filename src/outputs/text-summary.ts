/**
 * The end-of-test summary as text, laid out like k6 v1's compact summary (`internal/js/summary.js`):
 * a THRESHOLDS block (✓/✗ per expression with the value it compared), TOTAL RESULTS (check totals,
 * each check under its group, then metrics by section with dotted names and aligned columns) and,
 * volley's addition, ITERATION ERRORS. Pure: SummaryData in, string out; exported to scenarios
 * for handleSummary.
 */
import type { SummaryCheck, SummaryData, SummaryGroup, SummaryMetric } from './summary-data.js';
import { readThresholdExpression } from '../thresholds/parse.js';
import { formatPercent, formatPerSecond, formatPlain, formatStat, formatValue } from './format-values.js';
import { groupBySection, parentName, sortKeys } from './summary-sections.js';

/** `indent` prefixes every line (default none); `enableColors` adds ANSI colours (default off). */
export interface TextSummaryOptions {
  indent?: string;
  enableColors?: boolean;
}

/** Text decoration; the identity when colours are off. */
interface Style {
  ok(text: string): string;
  fail(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  value(text: string): string;
  extra(text: string): string;
}

const PLAIN: Style = { ok: id, fail: id, bold: id, dim: id, value: id, extra: id };
const ANSI: Style = {
  ok: (t) => `\x1b[32m${t}\x1b[0m`,
  fail: (t) => `\x1b[31m${t}\x1b[0m`,
  bold: (t) => `\x1b[1m${t}\x1b[0m`,
  dim: (t) => `\x1b[2;37m${t}\x1b[0m`,
  value: (t) => `\x1b[36m${t}\x1b[0m`,
  extra: (t) => `\x1b[2;36m${t}\x1b[0m`,
};

function id(text: string): string {
  return text;
}

const OK = '✓';
const FAIL = '✗';
/** Two spaces per level: titles at level 1, their content at level 2 (k6's RenderContext). */
const TITLE = '  ';
const BODY = '    ';

/** Renders the summary; lines end without trailing spaces, the text ends with a newline. */
export function textSummary(data: SummaryData, opts: TextSummaryOptions = {}): string {
  const style = opts.enableColors === true ? ANSI : PLAIN;
  const indent = opts.indent ?? '';
  const blocks = [thresholdsBlock(data, style), totalResultsBlock(data, style), iterationErrorsBlock(data, style)];
  // k6's spacing: a blank line before the first title and two between blocks.
  const lines = blocks.filter((b) => b.length > 0).flatMap((b) => ['', ...trimTrailingBlanks(b), '']);
  return `${lines.map((l) => (l.trim() === '' ? '' : indent + l.trimEnd())).join('\n')}\n`;
}

function trimTrailingBlanks(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]?.trim() === '') end--;
  return lines.slice(0, end);
}

function title(text: string, style: Style): string {
  return `${TITLE}█ ${style.bold(text)}`;
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
      lines.push(`${pad}${mark} '${expression}'${observedText(expression, entry, metric, data, style)}`);
    }
    lines.push('');
  }
  return lines;
}

/** ` p(95)=25.9ms`: the value the threshold compared, from its result or else from the metric's values. */
function observedText(expression: string, entry: { ok: boolean; observed?: number }, metric: SummaryMetric, data: SummaryData, style: Style): string {
  const parsed = readThresholdExpression(expression);
  const stat = parsed.ok ? parsed.value.stat : (expression.split(/[<>=!]/)[0] ?? '').trim();
  const observed = typeof entry.observed === 'number' ? entry.observed : metric.values[stat];
  if (observed === undefined) return '';
  return ` ${stat}=${style.value(formatStat(observed, stat, metric, data.options.summaryTimeUnit))}`;
}

/** One dotted line of TOTAL RESULTS: trend columns, or a main value with extras. */
interface Row {
  readonly indent: string;
  readonly label: string;
  readonly trend: readonly string[] | undefined;
  readonly main: string;
  readonly extras: readonly string[];
}

function totalResultsBlock(data: SummaryData, style: Style): string[] {
  const checkRows = checkTotalRows(data);
  const sections = metricSections(data);
  // Names line up across the whole block; value columns within a section, as k6 does.
  const nameWidth = Math.max(0, ...[...checkRows, ...sections.flatMap((s) => s.rows)].map((r) => r.indent.length + r.label.length));
  const render = (rows: readonly Row[]): string[] => {
    const widths = { ...columnWidths(rows, data.options.summaryTrendStats.length), name: nameWidth };
    return rows.map((r) => renderRow(r, widths, data, style));
  };
  const lines = [title('TOTAL RESULTS', style), ''];
  if (checkRows.length > 0) lines.push(...render(checkRows), '', ...checkLines(data.root_group, BODY, style), '');
  for (const s of sections) lines.push(BODY + style.bold(s.section), ...render(s.rows), '');
  return lines;
}

/** checks_total / checks_succeeded / checks_failed, from the `checks` rate or else from the group tree. */
function checkTotalRows(data: SummaryData): Row[] {
  const checks = data.metrics.checks;
  const tree = countChecks(data.root_group);
  const passes = checks?.values.passes ?? tree.passes;
  const fails = checks?.values.fails ?? tree.fails;
  const total = passes + fails;
  if (total === 0 && tree.count === 0) return [];
  const seconds = data.state.testRunDurationMs / 1000;
  const perSecond = formatPerSecond(seconds > 0 ? total / seconds : 0, { type: 'counter', contains: 'default' }, null);
  const ratio = (n: number): string => formatPercent(total > 0 ? n / total : 0);
  return [
    row(BODY, 'checks_total', undefined, formatPlain(total), [perSecond]),
    row(BODY, 'checks_succeeded', undefined, ratio(passes), [`${passes} out of ${total}`]),
    row(BODY, 'checks_failed', undefined, ratio(fails), [`${fails} out of ${total}`]),
  ];
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

function checkLine(check: SummaryCheck, pad: string, style: Style): string[] {
  if (check.fails === 0) return [pad + style.ok(`${OK} ${check.name}`)];
  const pct = Math.floor((100 * check.passes) / (check.passes + check.fails));
  return [
    pad + style.fail(`${FAIL} ${check.name}`),
    `${pad}  ${style.fail(`↳  ${pct}% — ${OK} ${check.passes} / ${FAIL} ${check.fails}`)}`,
  ];
}

/** Metrics by section; `checks` itself is left out, the check totals stand for it. */
function metricSections(data: SummaryData): { section: string; rows: Row[] }[] {
  const keys = Object.keys(data.metrics).filter((k) => k !== 'checks');
  return groupBySection(keys).map(({ section, keys: inSection }) => ({
    section,
    rows: inSection.map((key) => {
      const parent = parentName(key);
      const nested = parent !== key && inSection.includes(parent);
      // k6 prints a sub-metric under its parent as `{ status:200 }`, and in full when the parent is absent.
      const label = nested ? `{ ${key.slice(parent.length + 1, -1)} }` : key;
      return metricRow(nested ? `${BODY}  ` : BODY, label, data.metrics[key]!, data);
    }),
  }));
}

function metricRow(indent: string, label: string, metric: SummaryMetric, data: SummaryData): Row {
  const unit = data.options.summaryTimeUnit;
  const v = metric.values;
  const stat = (name: string): string => {
    const value = v[name];
    return value === undefined ? '-' : formatStat(value, name, metric, unit);
  };
  switch (metric.type) {
    case 'trend':
      return row(indent, label, data.options.summaryTrendStats.map(stat), '', []);
    case 'counter':
      return row(indent, label, undefined, stat('count'), [stat('rate')]);
    case 'rate': {
      const passes = v.passes ?? 0;
      return row(indent, label, undefined, stat('rate'), [`${passes} out of ${passes + (v.fails ?? 0)}`]);
    }
    case 'gauge':
      return row(indent, label, undefined, v.value === undefined ? '-' : formatValue(v.value, metric, unit), [
        `min=${stat('min')}`,
        `max=${stat('max')}`,
      ]);
  }
}

function row(indent: string, label: string, trend: readonly string[] | undefined, main: string, extras: readonly string[]): Row {
  return { indent, label, trend, main, extras };
}

interface Widths {
  /** The widest indent plus name; the dots fill up to it. */
  name: number;
  trend: number[];
  main: number;
  extras: number[];
}

/** Column widths over some rows; extras are aligned only among rows with several (gauges' min= max=). */
function columnWidths(rows: readonly Row[], trendColumns: number): Widths {
  const w: Widths = { name: 0, trend: new Array<number>(trendColumns).fill(0), main: 0, extras: [] };
  for (const r of rows) {
    w.name = Math.max(w.name, r.indent.length + r.label.length);
    r.trend?.forEach((c, i) => (w.trend[i] = Math.max(w.trend[i] ?? 0, c.length)));
    if (r.trend) continue;
    w.main = Math.max(w.main, r.main.length);
    if (r.extras.length > 1) r.extras.forEach((e, i) => (w.extras[i] = Math.max(w.extras[i] ?? 0, e.length)));
  }
  return w;
}

function renderRow(r: Row, w: Widths, data: SummaryData, style: Style): string {
  const dots = style.dim(`${'.'.repeat(w.name - r.indent.length - r.label.length + 3)}:`);
  const head = `${r.indent}${r.label}${dots} `;
  if (r.trend) {
    const stats = data.options.summaryTrendStats;
    return head + r.trend.map((c, i) => `${stats[i]}=${style.value(c)}${pad(c, w.trend[i])}`).join(' ');
  }
  const extras = r.extras.map((e, i) => style.extra(e) + (r.extras.length > 1 ? pad(e, w.extras[i]) : '')).join(' ');
  return `${head}${style.value(r.main)}${pad(r.main, w.main)} ${extras}`;
}

function pad(text: string, width: number | undefined): string {
  return ' '.repeat(Math.max(0, (width ?? 0) - text.length));
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
