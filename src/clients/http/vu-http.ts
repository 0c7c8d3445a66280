/**
 * The `http` object of one VU: the k6-style methods, each turning into one Exchange over the VU's
 * own connections. Everything per-VU and reusable lives here (connections, parsed URLs, series
 * recorders, the deadline timer, the interrupt listener) so that a request itself allocates little.
 */
import type { Http, Params, RequestBody, Response } from '../../api/http.js';
import type { ClientContext, ProtocolClient, VuTags } from '../types.js';
import { Exchange, type ExchangeHost } from './exchange.js';
import { HttpInterruptedError, HttpParamsError } from './http-errors.js';
import { InFlight } from './in-flight.js';
import { OriginPool } from './origin-pool.js';
import type { HttpDefaults } from './http-defaults.js';
import { encodeBody, isJsonBody } from './request-body.js';
import { RequestMetrics } from './request-metrics.js';
import { RequestPlanner } from './request-plan.js';
import { UrlTargets } from './url-targets.js';

function noop(): void {}

/** Parsed URLs, shared by the thread's VUs (immutable, bounded; see url-targets.ts). */
const threadTargets = new UrlTargets();

/** A VU's HTTP client (k6's `http` module, bound to one VU). */
export class VuHttp implements Http, ProtocolClient, ExchangeHost {
  readonly now: () => number;
  readonly pool: OriginPool;
  readonly metrics: RequestMetrics;
  readonly inFlight: InFlight;
  readonly tags: VuTags;
  readonly noConnectionReuse: boolean;
  readonly #ctx: ClientContext;
  readonly #planner: RequestPlanner;

  constructor(ctx: ClientContext, defaults: HttpDefaults) {
    this.#ctx = ctx;
    this.now = ctx.now;
    this.tags = ctx.tags;
    this.noConnectionReuse = defaults.noConnectionReuse;
    this.pool = new OriginPool(ctx.now, defaults.insecureSkipTLSVerify);
    this.metrics = RequestMetrics.of(ctx.sink);
    this.inFlight = new InFlight(ctx.now);
    this.#planner = RequestPlanner.for(defaults);
    ctx.interrupts.onInterrupt(this.#onInterrupt);
  }

  get(url: string, params?: Params): Promise<Response> {
    return this.#send('GET', url, null, params);
  }
  head(url: string, params?: Params): Promise<Response> {
    return this.#send('HEAD', url, null, params);
  }
  post(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#send('POST', url, body, params);
  }
  put(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#send('PUT', url, body, params);
  }
  patch(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#send('PATCH', url, body, params);
  }
  del(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#send('DELETE', url, body, params);
  }
  options(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#send('OPTIONS', url, body, params);
  }
  request(method: string, url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    if (typeof method !== 'string' || method === '') throw new HttpParamsError(`http.request() needs a method such as 'GET' (got ${String(method)})`);
    return this.#send(method.toUpperCase(), url, body, params);
  }

  busy(): boolean {
    return this.inFlight.size > 0;
  }

  idle(): Promise<void> {
    return this.inFlight.idle();
  }

  /** Ends in-flight requests (they reject with HttpInterruptedError) and closes every connection. */
  async close(): Promise<void> {
    this.inFlight.interruptAll();
    this.inFlight.stop();
    this.#ctx.interrupts.offInterrupt(this.#onInterrupt);
    await this.pool.close();
  }

  #send(method: string, url: string, body: unknown, params: Params | undefined): Promise<Response> {
    if (this.#ctx.interrupts.retired) return interrupted(method, url);
    // Params and body are checked before anything is sent: a mistake throws here, in the script's own stack.
    const plan = this.#planner.plan(params, body !== null && body !== undefined && isJsonBody(body));
    const payload = encodeBody(body);
    // A URL object (or anything with a useful toString) works too; the name tag is its string form.
    const text = typeof url === 'string' ? url : String(url);
    const exchange = new Exchange(this, method, text, threadTargets.resolve(text), payload, plan);
    const promise = new Promise<Response>((resolve, reject) => exchange.bind(resolve, reject));
    exchange.start(promise);
    return promise;
  }

  /** An interrupted iteration's requests end now; a retired VU's later requests fail at once (see #send). */
  readonly #onInterrupt = (): void => {
    this.inFlight.interruptAll();
  };
}

function interrupted(method: string, url: string): Promise<Response> {
  const p = Promise.reject(new HttpInterruptedError(method, String(url)));
  p.catch(noop);
  return p;
}
