/**
 * gRPC status codes and health-check serving statuses under k6's names (`StatusOK`, …,
 * `HealthCheckServing`), for checks such as `r.status === grpc.StatusOK`. Plain numbers: this
 * module loads nothing, so `volley/grpc` and the context's `grpc` offer them without loading grpc-js.
 */

/** The gRPC status codes (the numbers of the gRPC spec, as k6's `k6/net/grpc` exports them). */
export const StatusOK = 0;
export const StatusCanceled = 1;
export const StatusUnknown = 2;
export const StatusInvalidArgument = 3;
export const StatusDeadlineExceeded = 4;
export const StatusNotFound = 5;
export const StatusAlreadyExists = 6;
export const StatusPermissionDenied = 7;
export const StatusResourceExhausted = 8;
export const StatusFailedPrecondition = 9;
export const StatusAborted = 10;
export const StatusOutOfRange = 11;
export const StatusUnimplemented = 12;
export const StatusInternal = 13;
export const StatusUnavailable = 14;
export const StatusDataLoss = 15;
export const StatusUnauthenticated = 16;

/** grpc.health.v1 serving statuses, as `healthCheck()` reports them. */
export const HealthCheckUnknown = 0;
export const HealthCheckServing = 1;
export const HealthCheckNotServing = 2;
export const HealthCheckServiceUnknown = 3;
/** k6's spelling of HealthCheckServiceUnknown, so k6 scripts carry over. */
export const HealthCheckServiceUnkown = HealthCheckServiceUnknown;

/** Every constant above by name: what the context's `grpc` object carries (`grpc.StatusOK`). */
export const GRPC_CONSTANTS = Object.freeze({
  StatusOK,
  StatusCanceled,
  StatusUnknown,
  StatusInvalidArgument,
  StatusDeadlineExceeded,
  StatusNotFound,
  StatusAlreadyExists,
  StatusPermissionDenied,
  StatusResourceExhausted,
  StatusFailedPrecondition,
  StatusAborted,
  StatusOutOfRange,
  StatusUnimplemented,
  StatusInternal,
  StatusUnavailable,
  StatusDataLoss,
  StatusUnauthenticated,
  HealthCheckUnknown,
  HealthCheckServing,
  HealthCheckNotServing,
  HealthCheckServiceUnknown,
  HealthCheckServiceUnkown,
});

export type GrpcConstants = typeof GRPC_CONSTANTS;
