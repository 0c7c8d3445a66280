/**
 * Starts the embedded demo target that tests, demos and benchmarks aim at. It composes the servers
 * it runs: HTTP/WebSocket, and gRPC beside it on its own port.
 */
import { ConfigError } from '../errors.js';
import { startGrpcTarget } from './grpc-target.js';
import { startHttpTarget } from './http-target.js';
import { DEFAULT_HOST, validateTargetOptions, type TargetOptions } from './target-options.js';

/** A started target: the addresses it serves, a way to stop it, and what it has served. */
export interface RunningTarget {
  /** Base URL of the HTTP routes, as `http://127.0.0.1:6180`. */
  httpUrl: string;
  /** The WebSocket origin, as `ws://127.0.0.1:6180` (the echo is `${wsUrl}/ws/echo`). */
  wsUrl: string;
  /** The gRPC server, as `127.0.0.1:6181` (what grpc.connect() takes). */
  grpcAddr: string;
  /** With faults: the origin of the port that resets every connection, as `http://127.0.0.1:41234`. */
  refuseUrl?: string;
  /** Stops every server and drops open connections; safe to call more than once. */
  close(): Promise<void>;
  /** Requests served per path since start (or the last reset), plus `total`; as `GET /__stats`. */
  stats(): Record<string, number>;
}

/** Starts the target on `opts.host` (127.0.0.1), `opts.httpPort` and `opts.grpcPort` (0 = a free port, the default). */
export async function startTarget(opts: TargetOptions = {}): Promise<RunningTarget> {
  const issues = validateTargetOptions(opts);
  if (issues.length > 0) throw new ConfigError(issues);
  const host = opts.host ?? DEFAULT_HOST;
  const http = await startHttpTarget(host, opts.httpPort ?? 0, opts.faults === true, opts.capacity);
  let grpc;
  try {
    grpc = await startGrpcTarget(host, opts.grpcPort ?? 0);
  } catch (err) {
    await http.close();
    throw err;
  }
  return {
    httpUrl: http.httpUrl,
    wsUrl: http.wsUrl,
    grpcAddr: grpc.grpcAddr,
    ...(http.refuseUrl !== undefined && { refuseUrl: http.refuseUrl }),
    close: () => Promise.all([http.close(), grpc.close()]).then(() => undefined),
    stats: () => http.stats(),
  };
}
