/**
 * Every output kind, one line each. The order is the order in which outputs finish at the end of
 * a run (the progress display's last lines, the summary on stdout, then the files), before the
 * `--out` outputs in the order given.
 */
import type { OutputKind } from './output.js';
import { progressOutput } from './progress-output.js';
import { summaryOutput } from './summary-output.js';
import { summaryExportOutput } from './summary-export-output.js';
import { handleSummaryOutput } from './handle-summary-output.js';
import { junitOutput } from './junit-output.js';
import { jsonOutput } from './json-output.js';
import { csvOutput } from './csv-output.js';

export const OUTPUT_KINDS: readonly OutputKind[] = [
  progressOutput,
  summaryOutput,
  summaryExportOutput,
  handleSummaryOutput,
  junitOutput,
  jsonOutput,
  csvOutput,
];

/** Kinds DESIGN.md names (with their aliases) that this version does not write yet: `--out` says so instead of "unknown". */
export const LATER_KINDS: readonly string[] = ['prometheus', 'experimental-prometheus-rw', 'otlp', 'opentelemetry', 'dashboard', 'result'];
