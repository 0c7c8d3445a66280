/**
 * The dotted lines of the end-of-test summary (`http_req_duration....: avg=12.1ms ...`), as k6 v1
 * lays them out: metric rows by section, the check totals, and single checks. Shared by TOTAL
 * RESULTS and the per-group and per-scenario blocks of `--summary-mode full`.
 */
import type { SummaryCheck, SummaryData, SummaryMetric } from './summary-data.js';
import { formatPercent, formatPerSecond, formatPlain, formatStat, formatValue } from './format-values.js';
import { groupBySection, parentName } from './summary-sections.js';
import { FAIL, OK, type Style } from './summary-style.js';

/** One dotted line: trend columns, or a main value with extras. */
export interface Row {
  readonly indent: string;
  readonly label: string;
  readonly trend: readonly string[] | undefined;
  readonly main: string;
  readonly extras: readonly string[];
}

/** checks_total / checks_succeeded / checks_failed over `seconds` of run. */
export function checkTotalRows(indent: string, passes: number, fails: number, seconds: number): Row[] {
  const total = passes + fails;
  const perSecond = formatPerSecond(seconds > 0 ? total / seconds : 0, { type: 'counter', contains: 'default' }, null);
  const ratio = (n: number): string => formatPercent(total > 0 ? n / total : 0);
  return [
    row(indent, 'checks_total', undefined, formatPlain(total), [perSecond]),
    row(indent, 'checks_succeeded', undefined, ratio(passes), [`${passes} out of ${total}`]),
    row(indent, 'checks_failed', undefined, ratio(fails), [`${fails} out of ${total}`]),
  ];
}

/** `✓ name`, or `✗ name` with its pass percentage and counts on a second line. */
export function checkLine(check: SummaryCheck, pad: string, style: Style): string[] {
  if (check.fails === 0) return [pad + style.ok(`${OK} ${check.name}`)];
  const pct = Math.floor((100 * check.passes) / (check.passes + check.fails));
  return [
    pad + style.fail(`${FAIL} ${check.name}`),
    `${pad}  ${style.fail(`↳  ${pct}% — ${OK} ${check.passes} / ${FAIL} ${check.fails}`)}`,
  ];
}

/** Metrics by section, rows at `indent`; `checks` itself is left out, the check totals stand for it. */
export function metricSections(metrics: Record<string, SummaryMetric>, data: SummaryData, indent: string): { section: string; rows: Row[] }[] {
  const keys = Object.keys(metrics).filter((k) => k !== 'checks');
  return groupBySection(keys).map(({ section, keys: inSection }) => ({
    section,
    rows: inSection.map((key) => {
      const parent = parentName(key);
      const nested = parent !== key && inSection.includes(parent);
      // k6 prints a sub-metric under its parent as `{ status:200 }`, and in full when the parent is absent.
      const label = nested ? `{ ${key.slice(parent.length + 1, -1)} }` : key;
      return metricRow(nested ? `${indent}  ` : indent, label, metrics[key]!, data);
    }),
  }));
}

/** The widest indent plus label: where the dots of a block end. */
export function nameWidth(rows: readonly Row[]): number {
  return Math.max(0, ...rows.map((r) => r.indent.length + r.label.length));
}

/** Renders rows with names dotted to `width` and value columns aligned among these rows, as k6 does per section. */
export function renderRows(rows: readonly Row[], width: number, data: SummaryData, style: Style): string[] {
  const widths = { ...columnWidths(rows, data.options.summaryTrendStats.length), name: width };
  return rows.map((r) => renderRow(r, widths, data, style));
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
