/** The gRPC protocol: `grpcClient` is its registry entry (the context's `grpc`: k6's `k6/net/grpc`). */
import type { Grpc } from '../../api/grpc-api.js';
import type { ResolvedOptions } from '../../config/options.js';
import type { ClientFactory } from '../types.js';
import type { GrpcDefaults } from './call-host.js';
import { VuGrpc } from './vu-grpc.js';

function grpcDefaultsOf(options: ResolvedOptions): GrpcDefaults {
  return { userAgent: options.userAgent, insecureSkipTLSVerify: options.insecureSkipTLSVerify };
}

/**
 * `ctx.grpc`, one per VU. No traced API: a stream keeps its iteration running by design (as an open
 * WebSocket does), so un-awaited gRPC calls are waited for but not warned about.
 */
export const grpcClient: ClientFactory<'grpc', Grpc, GrpcDefaults> = {
  name: 'grpc',
  defaults: grpcDefaultsOf,
  create: (ctx, defaults) => new VuGrpc(ctx, defaults),
};

export type { GrpcDefaults } from './call-host.js';
export { GrpcCallError, GrpcConnectError, GrpcInterruptedError, GrpcProtoError } from './grpc-errors.js';
