/**
 * Starts the embedded demo target that tests, demos and benchmarks aim at. It composes the servers
 * it runs (today HTTP/WebSocket; a gRPC server joins beside it with its own address).
 */
import { ConfigError } from '../errors.js';
import { startHttpTarget } from './http-target.js';
import { DEFAULT_HOST, validateTargetOptions, type TargetOptions } from './target-options.js';

/** A started target: the addresses it serves, a way to stop it, and what it has served. */
export interface RunningTarget {
  /** Base URL of the HTTP routes, as `http://127.0.0.1:6180`. */
  httpUrl: string;
  /** URL of the WebSocket echo, as `ws://127.0.0.1:6180/ws`. */
  wsUrl: string;
  /** Stops every server and drops open connections; safe to call more than once. */
  close(): Promise<void>;
  /** Requests served per path since start (or the last reset), plus `total`; as `GET /__stats`. */
  stats(): Record<string, number>;
}

/** Starts the target on `opts.host` (127.0.0.1) and `opts.httpPort` (0 = a free port). */
export async function startTarget(opts: TargetOptions = {}): Promise<RunningTarget> {
  const issues = validateTargetOptions(opts);
  if (issues.length > 0) throw new ConfigError(issues);
  const http = await startHttpTarget(opts.host ?? DEFAULT_HOST, opts.httpPort ?? 0, opts.capacity);
  return {
    httpUrl: http.httpUrl,
    wsUrl: http.wsUrl,
    close: () => http.close(),
    stats: () => http.stats(),
  };
}
