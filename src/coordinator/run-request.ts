/** What `volley run` (and `volley demo`) asks the coordinator to do, after the CLI has parsed its flags. */
import type { RunFlags } from '../config/run-flags.js';
import type { OutputSpec } from '../outputs/output-set.js';

export interface RunRequest {
  script: string;
  flags: RunFlags;
  /** `--env K=V` values. */
  env: Record<string, string>;
  includeSystemEnv: boolean;
  workers: number | undefined;
  /** Every output of the run: the summary's, those of flags (`--summary-export`, `--junit`), then `-o/--out`'s in the order given. */
  outputs: OutputSpec[];
  /** `--summary-mode`: `full` adds per-scenario and per-group blocks to the text summary. */
  summaryMode: 'compact' | 'full';
  /** `--address HOST:PORT`: where the control API listens (opened only when given or needed). */
  address: string | undefined;
  quiet: boolean;
  noColor: boolean;
}
