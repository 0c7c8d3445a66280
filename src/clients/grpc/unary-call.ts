/**
 * One unary call: sent through grpc-js, timed from the call to its status, recorded (k6's
 * grpc_req_duration, volley's grpc_req_failed), and answered as k6's Response: a status whatever
 * happened (UNAVAILABLE when the server is gone, DEADLINE_EXCEEDED past the timeout), never an
 * exception, unless the VU was interrupted.
 */
import { Metadata, type Client, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import type { GrpcError, GrpcResponse } from '../../api/grpc-api.js';
import type { TagSet } from '../../metrics/tags.js';
import type { CallHost, Cancellable } from './call-host.js';
import type { MethodMetrics } from './call-metrics.js';
import type { CallPlan } from './call-params.js';
import { GrpcInterruptedError } from './grpc-errors.js';
import type { Method } from './protos.js';
import { StatusOK } from './status.js';

/** What a unary call sends: the method, its (checked) request and the call's params. */
export interface UnaryRequest {
  readonly method: Method;
  readonly request: object;
  readonly plan: CallPlan;
}

const skipDecoding = (): object => NO_MESSAGE;
const NO_MESSAGE = Object.freeze({});

/** Runs the call; `base` is the VU's tags when it started. */
export function unaryCall(client: Client, host: CallHost, metrics: MethodMetrics, base: TagSet, req: UnaryRequest): Promise<GrpcResponse> {
  const { method, plan } = req;
  return new Promise((resolve, reject) => {
    const started = host.now();
    let message: object | null = null;
    let headers: Metadata | undefined;
    let interrupted = false;
    const options = plan.timeoutMs > 0 ? { deadline: Date.now() + plan.timeoutMs } : {};
    const deserialize = plan.discardResponseMessage ? skipDecoding : method.responseDeserialize;
    const call = client.makeUnaryRequest(method.path, method.requestSerialize, deserialize, req.request, metadataOf(plan.metadata), options, (_err: ServiceError | null, value?: object) => {
      if (value !== undefined && !plan.discardResponseMessage) message = value;
    });
    const work: Cancellable = {
      cancel() {
        interrupted = true;
        call.cancel();
      },
    };
    host.begin(work);
    call.on('metadata', (md: Metadata) => (headers = md));
    // grpc-js emits 'status' once, right after the callback, with the trailers.
    call.on('status', (status: StatusObject) => {
      host.end(work);
      if (interrupted) return reject(new GrpcInterruptedError(`invoke(${method.path})`));
      metrics.call(base, plan.tags, status.code, host.now() - started);
      resolve({
        status: status.code,
        message: status.code === StatusOK ? (message as Record<string, unknown> | null) : null,
        headers: headers === undefined ? {} : metadataRecord(headers),
        trailers: metadataRecord(status.metadata),
        error: status.code === StatusOK ? null : errorOf(status),
      });
    });
  });
}

/** A non-OK status as k6 gives it to scripts: `{ code, message, details }`. */
export function errorOf(status: StatusObject): GrpcError {
  return { code: status.code, message: status.details, details: [] };
}

/** grpc-js Metadata from a call's metadata pairs. */
export function metadataOf(pairs: CallPlan['metadata']): Metadata {
  const md = new Metadata();
  for (const [key, value] of pairs) md.add(key, typeof value === 'string' ? value : Buffer.from(value));
  return md;
}

/** Metadata as k6's response headers and trailers: each key's values in a list. */
function metadataRecord(md: Metadata): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(md.toJSON())) out[key] = values.map((v) => (typeof v === 'string' ? v : v.toString('base64')));
  return out;
}
