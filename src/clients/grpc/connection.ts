/**
 * A VU's connection to one server (what `grpc.connect()` resolves to): unary calls, streams and
 * health checks on one grpc-js channel, with the methods of the protos it was given or reflected.
 * Loaded on a VU's first connect, so threads that never speak gRPC never load grpc-js.
 */
import type { Client } from '@grpc/grpc-js';
import type { CallParams, GrpcClient, GrpcResponse, GrpcStream, HealthCheckResponse } from '../../api/grpc-api.js';
import type { CallHost } from './call-host.js';
import { methodMetrics, type MethodMetrics } from './call-metrics.js';
import { INVOKE_TIMEOUT_MS, readCallParams, type CallPlan, type ConnectPlan } from './call-params.js';
import { dial } from './dial.js';
import { GrpcCallError, GrpcInterruptedError } from './grpc-errors.js';
import { healthCheckMethod } from './health-schema.js';
import { conform, shapeOf, ShapeError, type Shape } from './message-shape.js';
import { definitionOf, methodsOf, requestTypeName, type Method, type Protos } from './protos.js';
import { reflect } from './reflection.js';
import { Stream } from './grpc-stream.js';
import { StatusFailedPrecondition, StatusInvalidArgument, StatusOK, StatusUnimplemented } from './status.js';
import { unaryCall } from './unary-call.js';

/** Connects to `addr` as `plan` says (reflecting when asked); throws GrpcConnectError. */
export async function openConnection(host: CallHost, addr: string, plan: ConnectPlan): Promise<Connection> {
  const client = await dial(host, addr, plan);
  try {
    const protos = plan.reflect ? await reflect(client, addr, plan.reflectMetadata, Date.now() + plan.timeoutMs) : plan.protos;
    return new Connection(client, host, addr, protos);
  } catch (err) {
    client.close();
    throw err;
  }
}

/** A method resolved for calls: its definition, request shape and metrics. */
interface Target {
  readonly method: Method;
  readonly shape: Shape;
  readonly metrics: MethodMetrics;
}

export class Connection implements GrpcClient {
  readonly #client: Client;
  readonly #host: CallHost;
  readonly #addr: string;
  readonly #protos: Protos | undefined;
  readonly #targets = new Map<string, Target>();
  #closed = false;

  constructor(client: Client, host: CallHost, addr: string, protos: Protos | undefined) {
    this.#client = client;
    this.#host = host;
    this.#addr = addr;
    this.#protos = protos;
  }

  invoke<M = Record<string, unknown>>(method: string, request: object, params?: CallParams): Promise<GrpcResponse<M>> {
    const path = pathOf(method);
    const base = this.#host.tags.current;
    let target: Target | undefined;
    let plan: CallPlan | undefined;
    let message: object;
    try {
      target = this.#target('invoke', path, false);
      plan = readCallParams(`invoke(${path})`, params, INVOKE_TIMEOUT_MS);
      message = this.#conform(`invoke(${path})`, target, request);
    } catch (err) {
      this.#failed(path, target, base, plan, err);
      return Promise.reject(err);
    }
    return unaryCall(this.#client, this.#host, target.metrics, base, { method: target.method, request: message, plan }) as Promise<GrpcResponse<M>>;
  }

  stream(method: string, params?: CallParams): GrpcStream {
    const path = pathOf(method);
    const base = this.#host.tags.current;
    let target: Target | undefined;
    let plan: CallPlan | undefined;
    try {
      target = this.#target('stream', path, true);
      plan = readCallParams(`stream(${path})`, params, 0);
    } catch (err) {
      this.#failed(path, target, base, plan, err);
      throw err;
    }
    return new Stream(this.#client, this.#host, target.metrics, target.method, target.shape, plan);
  }

  async healthCheck(service = ''): Promise<HealthCheckResponse> {
    const method = healthCheckMethod();
    const metrics = methodMetrics(this.#host.sink, this.#addr, method.path);
    this.#usable('healthCheck()');
    const plan = readCallParams('healthCheck()', undefined, INVOKE_TIMEOUT_MS);
    const res = await unaryCall(this.#client, this.#host, metrics, this.#host.tags.current, { method, request: { service: String(service) }, plan });
    if (res.status !== StatusOK) throw new GrpcCallError(`healthCheck(${service}): the server answered status ${res.status}: ${res.error?.message ?? ''}`, res.status);
    return { status: Number((res.message as { status?: number } | null)?.status ?? 0) };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#client.close();
  }

  /** The method at `path`, checked for the kind of call; throws GrpcCallError. */
  #target(call: 'invoke' | 'stream', path: string, streaming: boolean): Target {
    this.#usable(`${call}(${path})`);
    let target = this.#targets.get(path);
    if (target === undefined) {
      const method = this.#protos === undefined ? undefined : methodsOf(this.#protos).get(path);
      if (method === undefined) throw this.#unknown(call, path);
      const shape = shapeOf(definitionOf(this.#protos!), requestTypeName(this.#protos!, method));
      target = { method, shape, metrics: methodMetrics(this.#host.sink, this.#addr, path) };
      this.#targets.set(path, target);
    }
    const isStream = target.method.requestStream || target.method.responseStream;
    if (isStream !== streaming) {
      throw new GrpcCallError(`${call}(${path}): it is a ${isStream ? 'streaming' : 'unary'} method`, StatusFailedPrecondition, isStream ? 'open it with client.stream(method) and write its messages' : 'call it with await client.invoke(method, request)');
    }
    return target;
  }

  #usable(what: string): void {
    if (this.#host.interrupts.retired) throw new GrpcInterruptedError(what);
    if (this.#closed) throw new GrpcCallError(`${what}: no gRPC connection: this client was closed`, StatusFailedPrecondition, 'connect again with await grpc.connect(addr, params)');
  }

  #unknown(call: string, path: string): GrpcCallError {
    if (this.#protos === undefined) return new GrpcCallError(`${call}(${path}): no protos: the client was connected without protos or reflect`, StatusUnimplemented, 'pass grpc.connect(addr, { protos: loadProtos(...) }) or { reflect: true }');
    const known = [...methodsOf(this.#protos).keys()].map((p) => p.slice(1));
    return new GrpcCallError(`${call}(${path}): method ${path.slice(1)} not found in the loaded protos (known: ${known.join(', ') || 'none'})`, StatusUnimplemented);
  }

  #conform(what: string, target: Target, request: unknown): object {
    try {
      return conform(target.shape, request);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      throw new GrpcCallError(`${what}: the request does not match ${target.shape.fullName}: ${err.message}`, StatusInvalidArgument);
    }
  }

  /** Records a call that failed before reaching the server, in grpc_req_failed, under its method when known. */
  #failed(path: string, target: Target | undefined, base: CallHost['tags']['current'], plan: CallPlan | undefined, err: unknown): void {
    if (!(err instanceof GrpcCallError)) return;
    (target?.metrics ?? methodMetrics(this.#host.sink, this.#addr, path)).failed(base, plan?.tags ?? null, err.status);
  }
}

/** `pkg.Service/Method` or `/pkg.Service/Method` → `/pkg.Service/Method`. */
function pathOf(method: unknown): string {
  const name = String(method);
  return name.startsWith('/') ? name : `/${name}`;
}

