/** The `volley run` flags that shape options; yargs fills them from the CLI and VOLLEY_* variables. */

export interface RunFlags {
  vus?: number;
  duration?: string;
  iterations?: number;
  stage?: string[];
  tag?: Record<string, string>;
  noThresholds?: boolean;
  summaryTrendStats?: string[];
  /** `--summary-time-unit`: s, ms or us. */
  summaryTimeUnit?: string;
  /** k6's --no-connection-reuse / --insecure-skip-tls-verify; undefined leaves the script's option. */
  noConnectionReuse?: boolean;
  insecureSkipTLSVerify?: boolean;
}
