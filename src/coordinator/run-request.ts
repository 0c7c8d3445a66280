/** What `volley run` (and `volley demo`) asks the coordinator to do, after the CLI has parsed its flags. */
import type { RunFlags } from '../config/run-flags.js';

export interface RunRequest {
  script: string;
  flags: RunFlags;
  /** `--env K=V` values. */
  env: Record<string, string>;
  includeSystemEnv: boolean;
  workers: number | undefined;
  summaryExport: string | undefined;
  /** `-o/--out KIND=TARGET` outputs, in the order given. */
  outputs: OutputSpec[];
  /** `--summary-mode`: `full` adds per-scenario and per-group blocks to the text summary. */
  summaryMode: 'compact' | 'full';
  /** `--address HOST:PORT`: where the control API listens (opened only when given or needed). */
  address: string | undefined;
  quiet: boolean;
  noColor: boolean;
}

/** One `--out KIND=TARGET`. */
export interface OutputSpec {
  kind: string;
  target: string;
}
