/**
 * The output seam (k6's `output` package): an output receives each closed second of the run and
 * the end-of-test summary, and knows nothing of executors or workers. `--out KIND=TARGET` picks
 * them (cli/outputs.ts); the coordinator feeds them (coordinator/run-metrics.ts) and finishes them
 * on every exit path, so nothing recorded is lost.
 */
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { SummaryData } from './summary-data.js';

export interface Output {
  /** One closed second of the run, in order. */
  addSecond(bucket: ClosedBucket): void;
  /** Writes what is left (the summary, when the run got that far), flushes and closes. */
  finish(summary: SummaryData | undefined): Promise<void>;
}
