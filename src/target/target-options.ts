/**
 * What `startTarget` accepts, its defaults and their validation. A gRPC port joins these when the
 * gRPC target lands.
 */
import type { ConfigIssue } from '../errors.js';

/**
 * Where the target listens. `httpPort` 0 picks a free port (startTarget's default). `faults` adds the
 * fault-injecting routes under /faults/ and a refusing port (faults/fault-list.ts).
 */
export interface TargetOptions {
  host?: string;
  httpPort?: number;
  faults?: boolean;
}

/** The host the target binds unless told otherwise: loopback only, never the network. */
export const DEFAULT_HOST = '127.0.0.1';

/** The port `volley target` serves HTTP and WebSocket on unless told otherwise (DESIGN.md). */
export const DEFAULT_HTTP_PORT = 6180;

/** Every problem with `opts` at once; empty when they are usable. Pure. */
export function validateTargetOptions(opts: TargetOptions): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (opts.host !== undefined && (typeof opts.host !== 'string' || opts.host.trim() === '')) {
    issues.push({ path: 'host', message: 'must be a non-empty host name or address, such as 127.0.0.1' });
  }
  if (opts.httpPort !== undefined && !isPort(opts.httpPort)) {
    issues.push({ path: 'port', message: `must be an integer from 0 to 65535 (0 picks a free port), got ${String(opts.httpPort)}` });
  }
  return issues;
}

function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}
