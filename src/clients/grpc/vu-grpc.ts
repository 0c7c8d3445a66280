/**
 * The context's `grpc`: `connect()` plus k6's status constants, one per VU. It owns the VU's
 * connections and keeps the register of what they have in flight: the iteration waits while
 * anything runs (busy/idle), an interrupt cancels it all, and retiring the VU closes every
 * connection. The grpc-js side (connection.ts) is imported on the first connect.
 */
import type { ConnectParams, Grpc, GrpcClient } from '../../api/grpc-api.js';
import type { MetricSink } from '../../metrics/sink.js';
import type { ClientContext, Interrupts, ProtocolClient, VuTags } from '../types.js';
import type { CallHost, Cancellable, GrpcDefaults } from './call-host.js';
import { connectMetrics, methodMetrics } from './call-metrics.js';
import { readConnectParams } from './call-params.js';
import { GrpcCallError, GrpcConnectError, GrpcInterruptedError } from './grpc-errors.js';
import { GRPC_CONSTANTS, StatusFailedPrecondition, type GrpcConstants } from './status.js';

type Connection = GrpcClient & { close(): void };

// The constants (`grpc.StatusOK`, …) live on the prototype, below.
export interface VuGrpc extends GrpcConstants {}

export class VuGrpc implements Grpc, ProtocolClient, CallHost {
  readonly sink: MetricSink;
  readonly tags: VuTags;
  readonly interrupts: Interrupts;
  readonly defaults: GrpcDefaults;
  readonly now: () => number;
  readonly #inFlight = new Set<Cancellable>();
  readonly #connections = new Set<Connection>();
  #idle: { promise: Promise<void>; resolve(): void } | undefined;

  constructor(ctx: ClientContext, defaults: GrpcDefaults) {
    this.sink = ctx.sink;
    this.tags = ctx.tags;
    this.interrupts = ctx.interrupts;
    this.defaults = defaults;
    this.now = ctx.now;
    ctx.interrupts.onInterrupt(() => this.#cancelAll());
  }

  connect(addr: string, params?: ConnectParams): Promise<GrpcClient> {
    return awaitedOnly(this, addr, this.#connect(String(addr), params));
  }

  async #connect(addr: string, params: ConnectParams | undefined): Promise<GrpcClient> {
    if (this.interrupts.retired) throw new GrpcInterruptedError(`grpc.connect(${addr})`);
    const plan = readConnectParams(params);
    const { openConnection } = await import('./connection.js');
    try {
      const connection = await openConnection(this, addr, plan);
      this.#connections.add(connection);
      return connection;
    } catch (err) {
      if (err instanceof GrpcConnectError) connectMetrics(this.sink, addr).failed(this.tags.current, null, err.status);
      throw err;
    }
  }

  begin(work: Cancellable): void {
    this.#inFlight.add(work);
  }

  end(work: Cancellable): void {
    this.#inFlight.delete(work);
    if (this.#inFlight.size === 0 && this.#idle !== undefined) {
      this.#idle.resolve();
      this.#idle = undefined;
    }
  }

  busy(): boolean {
    return this.#inFlight.size > 0;
  }

  idle(): Promise<void> {
    if (this.#inFlight.size === 0) return Promise.resolve();
    if (this.#idle === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#idle = { promise, resolve };
    }
    return this.#idle.promise;
  }

  async close(): Promise<void> {
    this.#cancelAll();
    for (const connection of this.#connections) connection.close();
    this.#connections.clear();
  }

  #cancelAll(): void {
    for (const work of [...this.#inFlight]) work.cancel();
  }
}

Object.assign(VuGrpc.prototype, GRPC_CONSTANTS);

/**
 * `grpc.connect()`'s promise, with the client's methods on it that say to await it: k6's connect
 * blocks, so `const client = grpc.connect(...)` followed by `client.invoke(...)` is a k6 habit. A
 * call made that way counts in grpc_req_failed, as any call that could not be made.
 */
function awaitedOnly(grpc: VuGrpc, addr: string, pending: Promise<GrpcClient>): Promise<GrpcClient> {
  const notYet = (call: string, method?: unknown) => (): never => {
    const path = typeof method === 'string' ? (method.startsWith('/') ? method : `/${method}`) : '';
    if (path) methodMetrics(grpc.sink, addr, path).failed(grpc.tags.current, null, StatusFailedPrecondition);
    throw new GrpcCallError(`${call}: no gRPC connection yet: grpc.connect() returns a promise`, StatusFailedPrecondition, 'write const client = await grpc.connect(addr, params), then call client.invoke()');
  };
  return Object.assign(pending, {
    invoke: (method: unknown) => notYet('invoke()', method)(),
    stream: (method: unknown) => notYet('stream()', method)(),
    healthCheck: notYet('healthCheck()'),
    close: notYet('close()'),
  });
}
