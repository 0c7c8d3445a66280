/**
 * `volley/grpc`: what scenarios import for gRPC, all of it VU-independent (DESIGN.md): `loadProtos`
 * for init code, k6's status constants, and the types. Connections come from the iteration
 * context: `const client = await grpc.connect(addr, { protos })`.
 */
export { loadProtos } from '../clients/grpc/load-protos.js';
export * from '../clients/grpc/status.js';

export type { Protos } from '../clients/grpc/protos.js';
export type {
  Grpc,
  GrpcClient,
  GrpcStream,
  GrpcStreamEvents,
  GrpcResponse,
  GrpcError,
  GrpcMetadata,
  HealthCheckResponse,
  ConnectParams,
  CallParams,
} from './grpc-api.js';
