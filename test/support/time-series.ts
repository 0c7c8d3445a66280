/** Reads a `--out json=FILE` time series (DESIGN.md's NDJSON) into per-second points for assertions. */
import { readFileSync } from 'node:fs';

export interface SeriesPoint {
  /** Seconds since the run's start: the bucket index. */
  second: number;
  t: number;
  metric: string;
  tags: Record<string, string>;
  values: Record<string, number>;
}

export interface TimeSeries {
  points: SeriesPoint[];
  summary: { state: { testRunDurationMs: number }; metrics: Record<string, { values: Record<string, number> }> } | undefined;
  /** The sum of `values[stat]` per second for `metric` over the series matching `tags` (all when omitted). */
  perSecond(metric: string, stat: string, tags?: Record<string, string>): Map<number, number>;
}

export function readTimeSeries(path: string): TimeSeries {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const raw = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const summaryLine = raw.find((r) => 'summary' in r);
  const samples = raw.filter((r) => !('summary' in r)) as unknown as Omit<SeriesPoint, 'second'>[];
  const start = Math.min(...samples.map((s) => s.t));
  const points = samples.map((s) => ({ ...s, second: Math.round((s.t - start) / 1000) }));
  return {
    points,
    summary: summaryLine?.summary as TimeSeries['summary'],
    perSecond(metric, stat, tags = {}) {
      const out = new Map<number, number>();
      for (const p of points) {
        if (p.metric !== metric || !Object.entries(tags).every(([k, v]) => p.tags[k] === v)) continue;
        out.set(p.second, (out.get(p.second) ?? 0) + (p.values[stat] ?? 0));
      }
      return out;
    },
  };
}
