/** A MetricSink for tests: every sample lands in an array with its metric name and tags. */
import type { MetricDef } from '../../../src/metrics/metric.js';
import type { MetricSink, SeriesRecorder } from '../../../src/metrics/sink.js';
import type { TagSet } from '../../../src/metrics/tags.js';

/** One recorded sample. */
export interface Sample {
  readonly metric: string;
  readonly value: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** Records into `samples`; counts `series()` calls so tests can check that recorders are cached. */
export class RecordingSink implements MetricSink {
  readonly samples: Sample[] = [];
  seriesCalls = 0;

  series(metric: MetricDef, tags: TagSet): SeriesRecorder {
    this.seriesCalls++;
    const frozen = Object.freeze(tags.toObject());
    return { add: (value: number) => this.samples.push({ metric: metric.name, value, tags: frozen }) };
  }

  add(metric: MetricDef, value: number, tags: TagSet): void {
    this.series(metric, tags).add(value);
  }

  /** The samples of one metric, in recording order. */
  of(metric: string): Sample[] {
    return this.samples.filter((s) => s.metric === metric);
  }

  /** The single sample of `metric`; throws unless there is exactly one. */
  one(metric: string): Sample {
    const found = this.of(metric);
    if (found.length !== 1) throw new Error(`expected one ${metric} sample, got ${found.length}`);
    return found[0]!;
  }

  /** The sum of a metric's values. */
  sum(metric: string): number {
    return this.of(metric).reduce((a, s) => a + s.value, 0);
  }
}
