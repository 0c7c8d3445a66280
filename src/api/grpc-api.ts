/**
 * The types of the context's `grpc` (k6's `k6/net/grpc`, from the iteration context): what
 * `grpc.connect()` takes and returns, a call's params and response, and a stream's events.
 */
import type { Protos } from '../clients/grpc/protos.js';
import type { GrpcConstants } from '../clients/grpc/status.js';

/** Metadata sent with a call: text values, or bytes for keys ending in `-bin`. */
export type GrpcMetadata = Record<string, string | Uint8Array>;

/** `grpc.connect(addr, params)`'s params (k6's). */
export interface ConnectParams {
  /** Protos from `loadProtos()` in init code; or use `reflect`. */
  protos?: Protos;
  /** No TLS (k6's default is TLS). */
  plaintext?: boolean;
  /** Ask the server's reflection service (v1, else v1alpha) for its services instead of local protos. */
  reflect?: boolean;
  /** Metadata sent with the reflection requests. */
  reflectMetadata?: GrpcMetadata;
  /** How long connecting (and reflection) may take: ms or a duration string; default '60s'. */
  timeout?: number | string;
  /** Client certificate, key (and its password) and CA certificates, PEM. */
  tls?: { cert?: string; key?: string; password?: string; cacerts?: string | string[] };
  /** Largest message accepted / sent, in bytes (0: grpc-js's defaults, 4 MB received). */
  maxReceiveSize?: number;
  maxSendSize?: number;
  /** The :authority header, when it must differ from `addr`. */
  authority?: string;
}

/** A call's params (k6's). */
export interface CallParams {
  metadata?: GrpcMetadata;
  /** Tags for this call's samples (`name` replaces the method's path). */
  tags?: Record<string, string>;
  /** ms or a duration string; invoke's default is '2m', a stream has none. */
  timeout?: number | string;
  /** Do not decode the response (its `message` is null). */
  discardResponseMessage?: boolean;
}

/** The error of a call whose status is not OK (k6's shape). */
export interface GrpcError {
  code: number;
  message: string;
  details: unknown[];
}

/** What `invoke()` resolves to (k6's Response). */
export interface GrpcResponse<M = Record<string, unknown>> {
  /** The gRPC status code: compare with `grpc.StatusOK`. */
  status: number;
  /** The response message (protojson style: lowerCamelCase names, defaults filled); null on error. */
  message: M | null;
  headers: Record<string, string[]>;
  trailers: Record<string, string[]>;
  /** null when status is OK. */
  error: GrpcError | null;
}

/** What `healthCheck()` resolves to: `status` is grpc.HealthCheckServing, NotServing, ... */
export interface HealthCheckResponse {
  status: number;
}

/** A stream's events: each message, an error (the stream's non-OK status), and its end. */
export interface GrpcStreamEvents {
  data: (message: Record<string, unknown>, meta: { ts: number }) => void;
  error: (error: GrpcError, meta: { ts: number }) => void;
  end: () => void;
}

/** A server, client or bidirectional stream (k6's `Stream`). The iteration waits until it ends. */
export interface GrpcStream {
  on<E extends keyof GrpcStreamEvents>(event: E, listener: GrpcStreamEvents[E]): void;
  /** Sends one message (ignored once `end()` was called). */
  write(message: object): void;
  /** Ends the client's side: the server sees the end of its input. */
  end(): void;
}

/** A connection to one server; it belongs to its VU and is closed when the VU retires. */
export interface GrpcClient {
  /** A unary call by full name (`volley.demo.Demo/Unary`); resolves whatever the status. */
  invoke<M = Record<string, unknown>>(method: string, request: object, params?: CallParams): Promise<GrpcResponse<M>>;
  /** Opens a stream (server, client or bidirectional) by full name. */
  stream(method: string, params?: CallParams): GrpcStream;
  /** grpc.health.v1 Check of `service` (default: the whole server). */
  healthCheck(service?: string): Promise<HealthCheckResponse>;
  /** Closes the connection (and cancels its calls); safe to call twice. */
  close(): void;
}

/** The context's `grpc`: connect, and k6's status constants (`grpc.StatusOK`). */
export interface Grpc extends GrpcConstants {
  connect(addr: string, params?: ConnectParams): Promise<GrpcClient>;
}
