/**
 * The blocks `--summary-mode full` adds after TOTAL RESULTS, as k6 v1's full summary prints them:
 * `█ GROUP: name` per top-level group, then `█ SCENARIO: name` per scenario, sorted by name. Each
 * holds its check totals and checks, its metrics by section, and its sub-groups as `↳ GROUP: name`,
 * indented one level deeper. Each block aligns its own names.
 */
import type { SummaryData, SummaryScope } from './summary-data.js';
import { BODY, title, type Style } from './summary-style.js';
import { checkLine, checkTotalRows, metricSections, nameWidth, renderRows } from './summary-rows.js';

/** One list of lines per block; none when the data has no per-scope results (a compact run). */
export function scopeBlocks(data: SummaryData, style: Style): string[][] {
  const blocks = (kind: string, scopes: Record<string, SummaryScope> | undefined): string[][] =>
    sortedEntries(scopes).map(([name, scope]) => [title(`${kind}: ${name}`, style), '', ...scopeLines(scope, BODY, data, style)]);
  return [...blocks('GROUP', data.groups), ...blocks('SCENARIO', data.scenarios)];
}

/** A scope's content at `indent`, then each sub-group's under a `↳` heading at the same indent. */
function scopeLines(scope: SummaryScope, indent: string, data: SummaryData, style: Style): string[] {
  const checks = scope.metrics.checks?.values;
  const passes = checks?.passes ?? 0;
  const fails = checks?.fails ?? 0;
  const checkRows = passes + fails > 0 ? checkTotalRows(indent, passes, fails, data.state.testRunDurationMs / 1000) : [];
  const sections = metricSections(scope.metrics, data, indent);
  const width = nameWidth([...checkRows, ...sections.flatMap((s) => s.rows)]);
  const lines: string[] = [];
  if (checkRows.length > 0) {
    lines.push(...renderRows(checkRows, width, data, style), '', ...scope.checks.flatMap((c) => checkLine(c, indent, style)), '');
  }
  for (const s of sections) lines.push(indent + style.bold(s.section), ...renderRows(s.rows, width, data, style), '');
  for (const [name, group] of sortedEntries(scope.groups)) {
    lines.push(`${indent}↳ ${style.bold(`GROUP: ${name}`)}`, '', ...scopeLines(group, `${indent}  `, data, style));
  }
  return lines;
}

function sortedEntries(scopes: Record<string, SummaryScope> | undefined): [string, SummaryScope][] {
  return Object.entries(scopes ?? {}).sort(([a], [b]) => a.localeCompare(b));
}
