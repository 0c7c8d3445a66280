/** Reads a `--summary-export` file back as SummaryData. */
import { readFile } from 'node:fs/promises';
import type { SummaryData } from '../../src/outputs/summary-data.js';

export async function readSummary(path: string): Promise<SummaryData> {
  return JSON.parse(await readFile(path, 'utf8')) as SummaryData;
}

/** A metric's value from the summary, failing clearly when it is missing. */
export function metricValue(data: SummaryData, metric: string, stat: string): number {
  const v = data.metrics[metric]?.values[stat];
  if (v === undefined) throw new Error(`summary has no ${metric}.${stat}; metrics: ${Object.keys(data.metrics).join(', ')}`);
  return v;
}
