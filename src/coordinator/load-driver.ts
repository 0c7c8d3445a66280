/**
 * What a command that steers a run's load while it goes (`volley capacity`) plugs into a TestRun:
 * it sees the start, every worker message and every closed second, can tell the workers things and
 * stop them, and at the end gives the verdict in place of the thresholds (which are then only
 * reported) and its part of the summary data.
 */
import type { FromWorker, ToWorker } from '../ipc/messages.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { SummaryData } from '../outputs/summary-data.js';

/** The running load as a driver reaches it (LiveRun is one). */
export interface SteeredLoad {
  readonly workers: number;
  tell(workerId: number, msg: ToWorker): void;
  /** Graceful (running iterations get gracefulStop) or hard. */
  stop(hard: boolean): void;
}

/** The hooks a TestRun calls on its driver. */
export interface LoadDriver {
  /** The workers are told to start at `startedAtMs` (unix ms; their time 0). */
  started(load: SteeredLoad, startedAtMs: number): void;
  /** Every message of a load worker. */
  observe(msg: FromWorker): void;
  /** Each closed second, before the outputs and thresholds get it; returns it as they should see it (labelled). */
  second(bucket: ClosedBucket): ClosedBucket;
  /** The run's verdict (`failed`: exit 99) and what the summary data gains. */
  verdict(): { failed: boolean; summary: Partial<SummaryData> };
}
