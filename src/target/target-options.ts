/** What `startTarget` accepts, its defaults and their validation. */
import type { ConfigIssue } from '../errors.js';
import type { CapacitySettings } from './capacity-model.js';

/**
 * Where the target listens. `httpPort` 0 picks a free port (startTarget's default). `faults` adds the
 * fault-injecting routes under /faults/ and a refusing port (faults/fault-list.ts).
 */
export interface TargetOptions {
  host?: string;
  httpPort?: number;
  /** The gRPC server's port (0 picks a free one, startTarget's default). */
  grpcPort?: number;
  faults?: boolean;
  /** `--servers N --service-time DUR`: serve through the capacity model (capacity-model.ts). */
  capacity?: CapacitySettings;
}

/** The host the target binds unless told otherwise: loopback only, never the network. */
export const DEFAULT_HOST = '127.0.0.1';

/** The port `volley target` serves HTTP and WebSocket on unless told otherwise (DESIGN.md). */
export const DEFAULT_HTTP_PORT = 6180;

/** The port `volley target` serves gRPC on unless told otherwise (DESIGN.md). */
export const DEFAULT_GRPC_PORT = 6181;

/**
 * The gRPC port when none was given: 6181, or a free one when the HTTP port is 0. Whoever asks for
 * a free HTTP port (tests, benchmarks, several targets at once) must not collide on a fixed gRPC one.
 */
export function defaultGrpcPort(httpPort: number | undefined): number {
  return httpPort === 0 ? 0 : DEFAULT_GRPC_PORT;
}

/** Every problem with `opts` at once; empty when they are usable. Pure. */
export function validateTargetOptions(opts: TargetOptions): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (opts.host !== undefined && (typeof opts.host !== 'string' || opts.host.trim() === '')) {
    issues.push({ path: 'host', message: 'must be a non-empty host name or address, such as 127.0.0.1' });
  }
  if (opts.httpPort !== undefined && !isPort(opts.httpPort)) {
    issues.push({ path: 'port', message: `must be an integer from 0 to 65535 (0 picks a free port), got ${String(opts.httpPort)}` });
  }
  if (opts.grpcPort !== undefined && !isPort(opts.grpcPort)) {
    issues.push({ path: 'grpc-port', message: `must be an integer from 0 to 65535 (0 picks a free port), got ${String(opts.grpcPort)}` });
  }
  if (opts.capacity !== undefined) issues.push(...capacityIssues(opts.capacity));
  return issues;
}

/** The longest service time accepted, as for `/delay`: beyond any sensible request timeout. */
const MAX_SERVICE_TIME_MS = 300_000;

function capacityIssues({ servers, serviceTimeMs }: CapacitySettings): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!(Number.isInteger(servers) && servers >= 1)) issues.push({ path: 'servers', message: `must be a whole number ≥ 1, got ${String(servers)}` });
  if (!(Number.isFinite(serviceTimeMs) && serviceTimeMs > 0 && serviceTimeMs <= MAX_SERVICE_TIME_MS)) {
    issues.push({ path: 'service-time', message: `must be longer than 0s and at most 5m, got ${String(serviceTimeMs)} ms` });
  }
  return issues;
}

function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}
