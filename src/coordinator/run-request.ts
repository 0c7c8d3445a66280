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
  quiet: boolean;
  noColor: boolean;
}
