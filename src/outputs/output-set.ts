/**
 * The run's `--out` outputs as one: opened before the run starts (an unwritable target is a 104),
 * fed every closed second, and finished exactly once — with the summary when the run got that far,
 * without it on any other exit path — so what was written is always flushed.
 */
import { resolve } from 'node:path';
import type { OutputSpec } from '../coordinator/run-request.js';
import { EngineError } from '../errors.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import { JsonOutput } from './json-output.js';
import type { Output } from './output.js';
import type { SummaryData } from './summary-data.js';

export class OutputSet {
  private readonly outputs: Output[];
  private finished = false;

  constructor(outputs: Output[]) {
    this.outputs = outputs;
  }

  addSecond(bucket: ClosedBucket): void {
    for (const output of this.outputs) output.addSecond(bucket);
  }

  /** Finishes every output once; returns the messages of those that failed to write. */
  async finish(summary: SummaryData | undefined): Promise<string[]> {
    if (this.finished) return [];
    this.finished = true;
    const results = await Promise.allSettled(this.outputs.map((o) => o.finish(summary)));
    return results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error)?.message ?? r.reason)] : []));
  }
}

export function openOutputs(specs: readonly OutputSpec[], cwd: string, trendStats: readonly string[]): OutputSet {
  return new OutputSet(
    specs.map((spec) => {
      switch (spec.kind) {
        case 'json':
          return new JsonOutput(resolve(cwd, spec.target), trendStats);
        default:
          // The CLI accepts only the kinds built here (cli/outputs.ts).
          throw new EngineError(`no output of kind ${spec.kind}`);
      }
    }),
  );
}
