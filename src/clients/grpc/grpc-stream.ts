/**
 * A stream of any kind (k6's `Stream`): server, client and bidirectional streams are one call shape
 * on the wire (messages each way, then a status), so every kind runs as a grpc-js bidi call whose
 * request messages the script writes. Events reach the script's listeners as k6 delivers them:
 * `data` per message, `error` when the stream ends with a status other than OK, then `end`. The
 * VU is busy until the status arrives, so the iteration waits for the stream as k6's event loop does.
 */
import type { Client, ClientDuplexStream, StatusObject } from '@grpc/grpc-js';
import type { GrpcStream, GrpcStreamEvents } from '../../api/grpc-api.js';
import type { TagSet } from '../../metrics/tags.js';
import type { CallHost, Cancellable } from './call-host.js';
import type { MethodMetrics, StreamSeries } from './call-metrics.js';
import type { CallPlan } from './call-params.js';
import { GrpcCallError } from './grpc-errors.js';
import { conform, ShapeError, type Shape } from './message-shape.js';
import type { Method } from './protos.js';
import { StatusCanceled, StatusInvalidArgument, StatusOK } from './status.js';
import { errorOf, metadataOf } from './unary-call.js';

type Listeners = { [E in keyof GrpcStreamEvents]: GrpcStreamEvents[E][] };

export class Stream implements GrpcStream, Cancellable {
  readonly #host: CallHost;
  readonly #method: Method;
  readonly #shape: Shape;
  readonly #plan: CallPlan;
  readonly #metrics: MethodMetrics;
  readonly #base: TagSet;
  readonly #series: StreamSeries;
  readonly #call: ClientDuplexStream<object, object>;
  readonly #started: number;
  readonly #listeners: Listeners = { data: [], error: [], end: [] };
  #writing = true;
  #cancelled = false;

  constructor(client: Client, host: CallHost, metrics: MethodMetrics, method: Method, shape: Shape, plan: CallPlan) {
    this.#host = host;
    this.#method = method;
    this.#shape = shape;
    this.#plan = plan;
    this.#metrics = metrics;
    this.#base = host.tags.current;
    this.#series = metrics.stream(this.#base, plan.tags);
    this.#started = host.now();
    const deserialize = plan.discardResponseMessage ? () => ({}) : method.responseDeserialize;
    const options = plan.timeoutMs > 0 ? { deadline: Date.now() + plan.timeoutMs } : {};
    this.#call = client.makeBidiStreamRequest(method.path, method.requestSerialize, deserialize, metadataOf(plan.metadata), options);
    this.#series.streams.add(1);
    host.begin(this);
    this.#call.on('data', (message: object) => {
      this.#series.received.add(1);
      this.#emit('data', message as Record<string, unknown>, { ts: Date.now() });
    });
    // grpc-js emits 'error' for every status but OK, and throws when nobody listens; 'status' says it all.
    this.#call.on('error', () => {});
    this.#call.on('status', (status: StatusObject) => this.#ended(status));
  }

  on<E extends keyof GrpcStreamEvents>(event: E, listener: GrpcStreamEvents[E]): void {
    const list = this.#listeners[event] as GrpcStreamEvents[E][] | undefined;
    if (list === undefined) throw new GrpcCallError(`stream.on(${JSON.stringify(event)}): unknown event (known: data, error, end)`, StatusInvalidArgument);
    if (typeof listener !== 'function') throw new GrpcCallError(`stream.on(${JSON.stringify(event)}, …): the listener must be a function`, StatusInvalidArgument);
    list.push(listener);
  }

  write(message: object): void {
    if (!this.#writing) return;
    let request: object;
    try {
      request = conform(this.#shape, message);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      this.#metrics.failed(this.#base, this.#plan.tags, StatusInvalidArgument);
      throw new GrpcCallError(`stream.write() on ${this.#method.path}: the message does not match ${this.#shape.fullName}: ${err.message}`, StatusInvalidArgument);
    }
    this.#call.write(request);
    this.#series.sent.add(1);
  }

  end(): void {
    if (!this.#writing) return;
    this.#writing = false;
    this.#call.end();
  }

  /** Stops the stream (interrupt, or its client closed): no `error` event, then `end`. */
  cancel(): void {
    this.#cancelled = true;
    this.#writing = false;
    this.#call.cancel();
  }

  #ended(status: StatusObject): void {
    this.#writing = false;
    this.#host.end(this);
    const cancelled = this.#cancelled && status.code === StatusCanceled;
    if (!cancelled) this.#metrics.call(this.#base, this.#plan.tags, status.code, this.#host.now() - this.#started);
    if (status.code !== StatusOK && !cancelled) this.#emit('error', errorOf(status), { ts: Date.now() });
    this.#emit('end');
  }

  /**
   * Calls the listeners of `event`. One that throws stops the stream, and its exception is rethrown
   * on a clean stack so the worker reports it as the script's error (stray-errors.ts), as a throw in
   * any event callback is, instead of unwinding through grpc-js.
   */
  #emit<E extends keyof GrpcStreamEvents>(event: E, ...args: Parameters<GrpcStreamEvents[E]>): void {
    for (const listener of this.#listeners[event]) {
      try {
        (listener as (...a: Parameters<GrpcStreamEvents[E]>) => void)(...args);
      } catch (err) {
        if (event !== 'end') this.cancel();
        process.nextTick(() => {
          throw err;
        });
        return;
      }
    }
  }
}
