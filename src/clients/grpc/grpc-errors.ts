/**
 * The exceptions of the gRPC client. A call the server answered, whatever its status, is never
 * among them: that is a response with its status. What is thrown is a mistake in the script (a
 * proto that does not parse, an unknown method, a request of the wrong shape, a closed client) or
 * a connection that could not be made, as k6's `k6/net/grpc` throws.
 */
import { ExitCode, VolleyError } from '../../errors.js';

/** `loadProtos()` could not read or parse a proto file (thrown in init code, so the run exits 107). */
export class GrpcProtoError extends VolleyError {
  constructor(message: string, hint?: string) {
    super(message, 'VOLLEY_GRPC_PROTO', ExitCode.scriptError, hint);
  }
}

/**
 * A call the script got wrong: a method not in the protos, a request that does not match its
 * message type, params volley cannot use, a client that is not connected. `status` is the gRPC
 * code the call is recorded with in grpc_req_failed.
 */
export class GrpcCallError extends VolleyError {
  readonly status: number;
  constructor(message: string, status: number, hint?: string) {
    super(message, 'VOLLEY_GRPC_CALL', ExitCode.scriptError, hint);
    this.status = status;
  }
}

/**
 * `grpc.connect()` could not reach the server (or its reflection service); `status` is the code it
 * is recorded with: UNAVAILABLE, or DEADLINE_EXCEEDED past the timeout.
 */
export class GrpcConnectError extends VolleyError {
  readonly status: number;
  constructor(message: string, status: number, hint?: string) {
    super(message, 'VOLLEY_GRPC_CONNECT', ExitCode.scriptError, hint);
    this.status = status;
  }
}

/**
 * The VU was interrupted (hard stop, gracefulStop ran out) while the call was in flight, or a call
 * was started after that. Rejecting ends the script's own loops; the VU discards the iteration, so
 * this is not a failure of the run (exit code 0), and the call is not counted.
 */
export class GrpcInterruptedError extends VolleyError {
  constructor(what: string) {
    super(`${what} interrupted: the VU was stopped`, 'VOLLEY_VU_INTERRUPTED', ExitCode.ok);
  }
}
