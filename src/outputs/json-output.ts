/**
 * `--out json=FILE`: DESIGN.md's NDJSON time series. One line per series per second,
 * `{"t": <unix ms of the second's start>, "metric", "tags", "values"}` with the summary's value
 * keys (and a capacity run's `step`), then a last line `{"summary": {...}}`. Lines are written as
 * each second closes, so the file grows with the run and memory does not.
 */
import { summaryValues } from '../metrics/summary-values.js';
import { FileStream } from './file-stream.js';
import { fileOutput } from './file-target.js';
import type { Output, OutputKind, RunEnd, SecondView } from './output.js';

export const jsonOutput: OutputKind = {
  name: 'json',
  selectedBy: { out: true },
  parse: (target, issues) => fileOutput(target, issues, '--out json=FILE', [], (path) => (start) => new JsonOutput(path, start.options.summaryTrendStats)),
};

class JsonOutput implements Output {
  private readonly file: FileStream;
  private readonly trendStats: readonly string[];

  constructor(path: string, trendStats: readonly string[]) {
    this.file = new FileStream(path, '--out json');
    this.trendStats = trendStats;
  }

  addSecond({ metrics, startMs, labels }: SecondView): void {
    let text = '';
    for (const metric of metrics.names()) {
      for (const { tags, view } of metrics.seriesOf(metric, 1000)) {
        text += `${JSON.stringify({ t: startMs, metric, tags: tags.toObject(), values: summaryValues(view, this.trendStats), ...labels })}\n`;
      }
    }
    this.file.write(text);
  }

  async finish({ summary }: RunEnd): Promise<void> {
    try {
      if (summary) this.file.write(`${JSON.stringify({ summary })}\n`);
    } finally {
      await this.file.close();
    }
  }
}
