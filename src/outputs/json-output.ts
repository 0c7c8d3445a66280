/**
 * `--out json=FILE`: DESIGN.md's NDJSON time series. One line per series per second,
 * `{"t": <unix ms of the second's start>, "metric", "tags", "values"}` with the summary's value
 * keys (and a capacity run's `step`), then a last line `{"summary": {...}}`. Lines are written as
 * each second closes, so the file grows with the run and memory does not.
 */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ConfigError } from '../errors.js';
import { summaryValues } from '../metrics/summary-values.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { Output } from './output.js';
import type { SummaryData } from './summary-data.js';

export class JsonOutput implements Output {
  private readonly stream: WriteStream;
  private readonly trendStats: readonly string[];
  private failure: Error | undefined;

  /** Opens (truncates) `path` now, so an unwritable path is reported before the run starts (104). */
  constructor(path: string, trendStats: readonly string[]) {
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (err) {
      throw new ConfigError([{ path: '--out', message: `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }]);
    }
    this.stream = createWriteStream('', { fd });
    this.stream.on('error', (err) => (this.failure ??= err));
    this.trendStats = trendStats;
  }

  addSecond(bucket: ClosedBucket): void {
    const { store, startMs, labels } = bucket;
    let text = '';
    for (const metric of store.names()) {
      for (const { tags, view } of store.seriesOf(metric, 1000)) {
        text += `${JSON.stringify({ t: startMs, metric, tags: tags.toObject(), values: summaryValues(view, this.trendStats), ...labels })}\n`;
      }
    }
    if (text) this.stream.write(text);
  }

  async finish(summary: SummaryData | undefined): Promise<void> {
    if (summary) this.stream.write(`${JSON.stringify({ summary })}\n`);
    this.stream.end();
    await finished(this.stream).catch((err: Error) => (this.failure ??= err));
    if (this.failure) throw new Error(`--out json: ${this.failure.message}`);
  }
}
