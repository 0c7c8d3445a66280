/**
 * The run's outputs as one: made when the load starts (in the registry's order, then `--out`'s),
 * fed every closed second, and finished exactly once, one after the other in that order, so the
 * summary reaches stdout before any file is written. An output that throws is reported once, on
 * stderr, and dropped; the run and the other outputs go on.
 */
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { Output, OutputFactory, OutputStart, RunEnd } from './output.js';

/** One output the run asked for: its kind's name and the factory its target was parsed into. */
export interface OutputSpec {
  readonly name: string;
  readonly open: OutputFactory;
}

interface Entry {
  readonly name: string;
  readonly output: Output;
  failed: boolean;
}

export class OutputSet {
  private readonly entries: Entry[] = [];
  private readonly report: (line: string) => void;
  private finished = false;

  /** Makes each output; one whose factory throws is reported (through `report`, one line each) and left out. */
  constructor(specs: readonly OutputSpec[], start: OutputStart, report: (line: string) => void) {
    this.report = report;
    for (const spec of specs) {
      try {
        const output = spec.open(start);
        if (output) this.entries.push({ name: spec.name, output, failed: false });
      } catch (err) {
        this.say(spec.name, err);
      }
    }
  }

  addSecond(bucket: ClosedBucket): void {
    const second = { index: bucket.index, startMs: bucket.startMs, metrics: bucket.store, labels: bucket.labels };
    for (const entry of this.entries) {
      if (entry.failed || !entry.output.addSecond) continue;
      try {
        entry.output.addSecond(second);
      } catch (err) {
        entry.failed = true;
        this.say(entry.name, err);
      }
    }
  }

  /** Finishes every output once, in order; returns what failed (already reported), for the exit code. */
  async finish(end: RunEnd): Promise<unknown[]> {
    if (this.finished) return [];
    this.finished = true;
    const failures: unknown[] = [];
    for (const entry of this.entries) {
      try {
        await entry.output.finish(end);
      } catch (err) {
        failures.push(err);
        // Closing an output that already failed says nothing new.
        if (!entry.failed) this.say(entry.name, err);
      }
    }
    return failures;
  }

  private say(name: string, err: unknown): void {
    const message = err instanceof Error ? err.message : `${name}: ${String(err)}`;
    for (const line of message.split('\n')) this.report(`error: ${line}\n`);
  }
}
