/** Every built-in metric, declared once (k6's names; DESIGN.md lists them). */
import type { MetricDef, MetricKind, MetricContains } from './metric.js';

function def(name: string, kind: MetricKind, contains: MetricContains = 'default'): MetricDef {
  return Object.freeze({ name, kind, contains });
}

export const BUILTIN = {
  vus: def('vus', 'gauge'),
  vus_max: def('vus_max', 'gauge'),
  iterations: def('iterations', 'counter'),
  iteration_duration: def('iteration_duration', 'trend', 'time'),
  iteration_start_lag: def('iteration_start_lag', 'trend', 'time'),
  dropped_iterations: def('dropped_iterations', 'counter'),
  data_sent: def('data_sent', 'counter', 'data'),
  data_received: def('data_received', 'counter', 'data'),
  checks: def('checks', 'rate'),
  group_duration: def('group_duration', 'trend', 'time'),
  http_reqs: def('http_reqs', 'counter'),
  http_req_duration: def('http_req_duration', 'trend', 'time'),
  http_req_blocked: def('http_req_blocked', 'trend', 'time'),
  http_req_connecting: def('http_req_connecting', 'trend', 'time'),
  http_req_tls_handshaking: def('http_req_tls_handshaking', 'trend', 'time'),
  http_req_sending: def('http_req_sending', 'trend', 'time'),
  http_req_waiting: def('http_req_waiting', 'trend', 'time'),
  http_req_receiving: def('http_req_receiving', 'trend', 'time'),
  http_req_failed: def('http_req_failed', 'rate'),
  ws_connecting: def('ws_connecting', 'trend', 'time'),
  ws_session_duration: def('ws_session_duration', 'trend', 'time'),
  ws_sessions: def('ws_sessions', 'counter'),
  ws_msgs_sent: def('ws_msgs_sent', 'counter'),
  ws_msgs_received: def('ws_msgs_received', 'counter'),
  ws_ping: def('ws_ping', 'trend', 'time'),
  grpc_req_duration: def('grpc_req_duration', 'trend', 'time'),
  grpc_req_failed: def('grpc_req_failed', 'rate'),
  grpc_streams: def('grpc_streams', 'counter'),
  grpc_streams_msgs_sent: def('grpc_streams_msgs_sent', 'counter'),
  grpc_streams_msgs_received: def('grpc_streams_msgs_received', 'counter'),
} as const satisfies Record<string, MetricDef>;

export type BuiltinName = keyof typeof BUILTIN;

const BY_NAME: ReadonlyMap<string, MetricDef> = new Map(Object.values(BUILTIN).map((m) => [m.name, m]));

/** The built-in definition with this name, if any. */
export function builtinMetric(name: string): MetricDef | undefined {
  return BY_NAME.get(name);
}
