/**
 * `--out csv=FILE`: DESIGN.md's per-second series in long form, one row per metric series per
 * second per statistic: `time,metric,tags,stat,value`. `tags` is `key=value` pairs, URL-encoded,
 * sorted by key and joined with `&`; `stat` is one of the summary's value keys. A field holding a
 * comma, a quote or a line break is quoted as RFC 4180 says. Option: `?timeFormat=` `unix_milli`
 * (the default), `unix` (seconds) or `rfc3339`, as k6's CSV output names them.
 */
import type { ConfigIssue } from '../errors.js';
import { summaryValues } from '../metrics/summary-values.js';
import type { TagSet } from '../metrics/tags.js';
import { FileStream } from './file-stream.js';
import { fileOutput } from './file-target.js';
import type { Output, OutputKind, OutputTarget, RunEnd, SecondView } from './output.js';

const TIME_FORMATS = {
  unix_milli: (ms: number) => String(ms),
  unix: (ms: number) => String(Math.floor(ms / 1000)),
  rfc3339: (ms: number) => new Date(ms).toISOString(),
} as const;
type TimeFormat = keyof typeof TIME_FORMATS;

export const csvOutput: OutputKind = {
  name: 'csv',
  selectedBy: { out: true },
  parse(target, issues) {
    const format = timeFormat(target, issues);
    return fileOutput(target, issues, '--out csv=FILE', ['timeFormat'], (path) => format && ((start) => new CsvOutput(path, start.options.summaryTrendStats, TIME_FORMATS[format])));
  },
};

function timeFormat(target: OutputTarget, issues: ConfigIssue[]): TimeFormat | undefined {
  const value = target.options.get('timeFormat') ?? 'unix_milli';
  if (Object.hasOwn(TIME_FORMATS, value)) return value as TimeFormat;
  issues.push({ path: target.flag, message: `timeFormat must be ${Object.keys(TIME_FORMATS).join(', ')} (got ${JSON.stringify(value)})` });
  return undefined;
}

class CsvOutput implements Output {
  private readonly file: FileStream;
  private readonly trendStats: readonly string[];
  private readonly time: (ms: number) => string;

  constructor(path: string, trendStats: readonly string[], time: (ms: number) => string) {
    this.file = new FileStream(path, '--out csv');
    this.trendStats = trendStats;
    this.time = time;
    this.file.write('time,metric,tags,stat,value\n');
  }

  addSecond({ metrics, startMs }: SecondView): void {
    const time = this.time(startMs);
    let text = '';
    for (const metric of metrics.names()) {
      const name = csvField(metric);
      for (const { tags, view } of metrics.seriesOf(metric, 1000)) {
        const head = `${time},${name},${csvField(tagsField(tags))},`;
        for (const [stat, value] of Object.entries(summaryValues(view, this.trendStats))) text += `${head}${csvField(stat)},${value}\n`;
      }
    }
    this.file.write(text);
  }

  async finish(_end: RunEnd): Promise<void> {
    await this.file.close();
  }
}

/** `method=GET&name=http%3A%2F%2F127.0.0.1%2F` (a TagSet's entries are sorted by key). */
function tagsField(tags: TagSet): string {
  return tags.entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
