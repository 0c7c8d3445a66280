/** The lines `volley target` (and src/target/main.ts) print when the target is ready. */
import { FAULT_ENDPOINTS, REFUSE_DOES } from './faults/fault-list.js';
import type { RunningTarget } from './start-target.js';

/**
 * One line per address the target serves, as `volley target: http://127.0.0.1:6180` (the gRPC one
 * as `volley target: grpc 127.0.0.1:6181`, the form grpc.connect() takes); with faults,
 * then one line per fault endpoint saying what it does, and the refusing port.
 */
export function describeTarget(target: RunningTarget): string[] {
  const lines = [`volley target: ${target.httpUrl}`, `volley target: ${target.wsUrl}`, `volley target: grpc ${target.grpcAddr}`];
  if (target.refuseUrl === undefined) return lines;
  for (const [path, does] of FAULT_ENDPOINTS) lines.push(`volley target: fault ${target.httpUrl}${path}  ${does}`);
  lines.push(`volley target: fault ${target.refuseUrl}  ${REFUSE_DOES}`);
  return lines;
}
