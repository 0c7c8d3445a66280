/** A run's HTTP defaults, as every thread that makes requests (load workers, lifecycle) takes them from the resolved options. */
import type { ResolvedOptions } from '../../config/options.js';

/** Run-wide HTTP defaults from the resolved options. */
export interface HttpDefaults {
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly discardResponseBodies: boolean;
  readonly timeoutMs: number;
  readonly noConnectionReuse: boolean;
  /** k6's insecureSkipTLSVerify: https connections accept any server certificate. */
  readonly insecureSkipTLSVerify: boolean;
}

/** k6's default request timeout (a request's whole exchange, connect included). */
const REQUEST_TIMEOUT_MS = 60_000;

export function httpDefaultsOf(options: ResolvedOptions): HttpDefaults {
  return {
    maxRedirects: options.maxRedirects,
    userAgent: options.userAgent,
    discardResponseBodies: options.discardResponseBodies,
    timeoutMs: REQUEST_TIMEOUT_MS,
    noConnectionReuse: options.noConnectionReuse,
    insecureSkipTLSVerify: options.insecureSkipTLSVerify,
  };
}
