/**
 * The CAPACITY block of the text summary (volley capacity): one row per step — the rate offered,
 * the rate achieved, each SLO's value with ✓/✗, the iterations dropped — then the answer and why
 * the search stopped. Pure: the summary data in, lines out.
 */
import type { CapacityResult, CapacityStep } from '../capacity/result.js';
import type { SummaryData } from './summary-data.js';
import { readMetricKey, readThresholdExpression } from '../thresholds/parse.js';
import { splitSlo } from '../capacity/slo.js';
import { formatStat, type ValueFormat } from './format-values.js';
import { BODY, FAIL, OK, title, type Style } from './summary-style.js';
import { rate } from '../capacity/capacity-result.js';

/** Formats an SLO's value as the summary prints its metric (`21.3ms`, `0.12%`). */
export type SloFormatter = (slo: string, value: number) => string;

/** The block's lines; none for a run that was not a capacity search. */
export function capacityBlock(data: SummaryData, style: Style): string[] {
  const result = data.capacity;
  if (!result) return [];
  const format = sloFormatter((metric) => data.metrics[metric], data.options.summaryTimeUnit);
  const slos = Object.keys(result.steps[0]?.slos ?? {});
  const header = ['step', 'offered', 'achieved', ...slos, 'dropped'];
  const rows = result.steps.map((step, i) => stepCells(i, step, slos, format, style));
  const widths = header.map((h, c) => Math.max(visible(h), ...rows.map((r) => visible(r[c]!))));
  const line = (cells: string[]) => BODY + cells.map((cell, c) => (c < 3 ? pad(cell, widths[c]!, 'right') : pad(cell, widths[c]!, 'left'))).join('  ');
  return [title('CAPACITY', style), '', line(header.map((h) => style.bold(h))), ...rows.map(line), '', `${BODY}${answer(result, style)}`, `${BODY}${result.reason}`];
}

/** One step as the live progress prints it: `step 3: 200/s offered, 199.8/s achieved, p(99)=21.3ms ✓ …`. */
export function stepLine(index: number, step: CapacityStep, format: SloFormatter): string {
  const slos = Object.entries(step.slos).map(([slo, r]) => `${slo} ${r.value === null ? 'no samples' : format(slo, r.value)} ${r.ok ? OK : FAIL}`);
  const dropped = step.droppedIterations > 0 ? `, ${step.droppedIterations} dropped` : '';
  const verdict = step.lowerBound ? 'limited by the generator' : Object.values(step.slos).every((r) => r.ok) ? 'pass' : 'fail';
  return `step ${index}: ${rate(step.rate)} offered, ${rate(round(step.achievedRate))} achieved; ${slos.join(', ')}${dropped}: ${verdict}`;
}

/** Formats SLO values with their metric's format, found by `metricFormat` (the summary's metrics, or the run's store). */
export function sloFormatter(metricFormat: (metric: string) => ValueFormat | undefined, timeUnit: string | null): SloFormatter {
  return (slo, value) => {
    const parts = splitSlo(slo);
    const key = parts && readMetricKey(parts.key);
    const expr = parts && readThresholdExpression(parts.expression);
    const format = key?.ok ? metricFormat(key.value.metric) : undefined;
    return format && expr?.ok ? formatStat(value, expr.value.stat, format, timeUnit) : String(Number(value.toFixed(3)));
  };
}

function stepCells(index: number, step: CapacityStep, slos: string[], format: SloFormatter, style: Style): string[] {
  const sloCells = slos.map((slo) => {
    const r = step.slos[slo];
    if (!r) return '';
    const mark = r.ok ? style.ok(OK) : style.fail(FAIL);
    return `${mark} ${r.value === null ? 'no samples' : format(slo, r.value)}`;
  });
  const dropped = `${step.droppedIterations}${step.lowerBound ? ` ${style.fail('(generator limit)')}` : ''}`;
  return [String(index), rate(step.rate), rate(round(step.achievedRate)), ...sloCells, dropped];
}

function answer(result: CapacityResult, style: Style): string {
  const { sustainableRate: found } = result;
  if (found === null) {
    const first = result.steps[0];
    const what = !first ? 'none (no step was judged)' : first.lowerBound ? 'unknown (the generator limited the first step)' : `below ${rate(first.rate)}`;
    return `sustainable rate: ${style.fail(what)}`;
  }
  const atLeast = result.lowerBound || /--max-rate/.test(result.reason);
  const note = result.lowerBound ? ' (a lower bound: the generator limited the search)' : '';
  return `sustainable rate: ${style.value(`${atLeast ? 'at least ' : ''}${rate(found)}`)} meeting every SLO${note}`;
}

const round = (n: number) => Number(n.toFixed(1));

/** Printed width, colour codes left out. */
function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visible(text)));
  return side === 'right' ? fill + text : text + fill;
}
