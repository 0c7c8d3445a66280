/**
 * One script-level request, through all its redirect hops: the undici dispatch handler, the clock
 * marks of its phases (see phase-timer.ts), the body collector, and the settlement of the one
 * promise the script awaits.
 *
 * It uses undici's original handler interface (onConnect/onHeaders/onData/onComplete/onError),
 * which undici 7's Client drives natively; a handler with the newer onRequestStart/onResponse*
 * methods is wrapped per request in an UnwrapHandler that allocates a controller and parses every
 * response's headers into an object. The exchange is also its own dispatch options object (undici
 * reads path, method, headers, body and reset from it), and the Response is built from its fields:
 * a request allocates the exchange, the promise, the Response and its timings, and nothing else here.
 */
import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import type { Response, ResponseType, Timings } from '../../api/http.js';
import { NO_MARK, PhaseTimer } from './phase-timer.js';
import type { VuTags } from '../types.js';
import { ErrorCode, failureOf, statusErrorCode, timeoutFailure, type NetworkFailure } from './error-codes.js';
import { HttpInterruptedError } from './http-errors.js';
import { maskCredentials } from '../mask-credentials.js';
import type { InFlight, Tracked } from './in-flight.js';
import type { OriginConnection, OriginPool } from './origin-pool.js';
import { nextHop, isRedirectStatus, findLocation, redirectLimitMessage } from './redirect.js';
import type { RequestMetrics, RequestOutcome } from './request-metrics.js';
import type { Payload } from './request-body.js';
import { isExpected, type RequestPlan } from './request-plan.js';
import { HttpResponse, type BodyChunks, type ResponseInit } from './response.js';
import { connectionBroke, isReplayable } from './retry-rule.js';
import type { Target } from './url-targets.js';

/** What an exchange uses of its VU's client. */
export interface ExchangeHost {
  readonly now: () => number;
  readonly pool: OriginPool;
  readonly metrics: RequestMetrics;
  readonly inFlight: InFlight;
  readonly tags: VuTags;
  readonly noConnectionReuse: boolean;
}

const PENDING = 0;
const CONNECTED = 1;
const DONE = 2;

/** Thrown from onConnect to make undici drop a request that already ended (it does not touch the socket). */
const ABANDONED = new Error('request abandoned before it got a connection');
const ABORT_REASON = new Error('request ended by volley (timeout or VU interrupt)');
const TIMEOUT = timeoutFailure();
const ZERO_TIMINGS: Timings = Object.freeze({ blocked: 0, connecting: 0, tls_handshaking: 0, sending: 0, waiting: 0, receiving: 0, duration: 0 });

function noop(): void {}

/** A request in flight; see the file comment. */
export class Exchange extends PhaseTimer implements Tracked, ResponseInit, RequestOutcome {
  // Dispatch options, read by undici.
  method: string;
  path = '/';
  headers: readonly string[];
  body: Payload;
  reset: boolean | undefined;
  // The current hop's outcome (ResponseInit, RequestOutcome).
  url: string;
  status = 0;
  rawHeaders: Buffer[] | null = null;
  chunks: BodyChunks = null;
  readonly responseType: ResponseType;
  timings: Timings = ZERO_TIMINGS;
  error = '';
  errorCode = 0;
  expected = false;
  bytesSent = 0;
  bytesReceived = 0;
  readonly name: string;
  readonly tags: RequestPlan['tags'];
  readonly tagsKey: string;
  readonly deadline: number;
  slot = -1;

  readonly #host: ExchangeHost;
  readonly #plan: RequestPlan;
  #target: Target | null;
  #redirectsLeft: number;
  #state = PENDING;
  #keepBody: boolean;
  #location: string | null = null;
  #resolve: (r: Response) => void = noop;
  #reject: (e: unknown) => void = noop;
  #promise: Promise<Response> | undefined;
  #conn: OriginConnection | undefined;
  #socket: Socket | null = null;
  #abort: ((err?: Error) => void) | null = null;
  #readAtHeaders = NO_MARK;
  /** The current attempt got a connection an earlier request had been written on (set in onConnect). */
  #reused = false;
  /** This hop was already sent again once (retry-rule.ts). */
  #retried = false;

  constructor(host: ExchangeHost, method: string, url: string, target: Target | null, body: Payload, plan: RequestPlan) {
    super(host.now());
    this.#host = host;
    this.#plan = plan;
    this.method = method;
    this.url = url;
    this.#target = target;
    this.body = body;
    this.headers = target?.authorization ? withAuthorization(plan.headers, target.authorization) : plan.headers;
    this.responseType = plan.responseType;
    this.#keepBody = plan.responseType !== 'none';
    this.#redirectsLeft = plan.maxRedirects;
    // The name tag defaults to the URL, credentials masked (k6's): only a URL that carries some pays for the masking.
    this.name = plan.name ?? (target !== null && target.authorization === null ? url : maskCredentials(url));
    this.tags = plan.tags;
    this.tagsKey = plan.tagsKey;
    this.reset = host.noConnectionReuse ? true : method === 'HEAD' ? false : undefined;
    this.deadline = this.tStart + plan.timeoutMs;
  }

  /** Takes the promise's settle functions (called from the promise executor). */
  bind(resolve: (r: Response) => void, reject: (e: unknown) => void): void {
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** Sends the first hop; `promise` is the one the script awaits. */
  start(promise: Promise<Response>): void {
    this.#promise = promise;
    this.#host.inFlight.add(this);
    this.#dispatch();
  }

  #dispatch(): void {
    const target = this.#target;
    if (target === null) {
      this.#fail({ code: ErrorCode.generic, message: `invalid URL: ${JSON.stringify(maskCredentials(this.url))} is not an absolute http:// or https:// URL` });
      return;
    }
    const conn = this.#host.pool.get(target.origin);
    this.#conn = conn;
    this.path = target.path;
    // undici reports a dispatch failure (closed client, bad header) through onError, never by throwing.
    conn.client.dispatch(this as unknown as Dispatcher.DispatchOptions, this);
  }

  onConnect(abort: (err?: Error) => void): void {
    const conn = this.#conn!;
    if (this.#state !== PENDING) {
      conn.claimConnect(); // a connection opened for this request is no later request's set-up time
      throw ABANDONED;
    }
    this.#state = CONNECTED;
    this.#abort = abort;
    this.tWrite = this.#host.now();
    this.#socket = conn.socket;
    // An earlier request was written on this connection (its bytes were counted): it is a reused one.
    this.#reused = conn.sentMark > 0;
    const start = this.tStart;
    if (conn.claimConnect()) {
      this.connectingMs = conn.connectingMs;
      this.tlsMs = conn.tlsMs;
      this.tGotConn = conn.connectedAt > start ? conn.connectedAt : start;
    } else {
      // The VU's connection was idle at the call, or became free when the request ahead of this one ended.
      this.tGotConn = conn.freedAt > start ? conn.freedAt : start;
    }
  }

  onRequestSent(): void {
    // Without a body the write is one short socket.write: not worth a clock read (~0.1 µs here).
    this.tSent = this.body === null ? this.tWrite : this.#host.now();
    this.#countSent();
  }

  onHeaders(status: number, rawHeaders: Buffer[], _resume: () => void, _statusText: string): boolean {
    if (status < 200) return true; // 1xx: the real response follows
    this.tHeaders = this.#host.now();
    this.#readAtHeaders = this.#socket === null ? NO_MARK : this.#socket.bytesRead;
    this.status = status;
    this.rawHeaders = rawHeaders;
    if (isRedirectStatus(status)) {
      const location = findLocation(rawHeaders);
      if (location !== null && this.#redirectsLeft > 0) {
        this.#location = location;
        this.#keepBody = false; // a hop's body is read and counted, not kept
      } else if (location !== null) {
        this.error = redirectLimitMessage(this.#plan.maxRedirects);
      }
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.#keepBody) {
      const c = this.chunks;
      if (c === null) this.chunks = chunk;
      else if (Array.isArray(c)) c.push(chunk);
      else this.chunks = [c, chunk];
    }
    return true;
  }

  onComplete(_trailers: unknown): void {
    if (this.#state === DONE) return;
    const read = this.#countReceived();
    // The body came in the same socket read as the headers: it was parsed within microseconds of
    // them, so receiving is 0 and the clock is not read again.
    const end = read !== NO_MARK && read === this.#readAtHeaders ? this.tHeaders : this.#host.now();
    this.expected = isExpected(this.status, this.#plan.expected);
    this.errorCode = statusErrorCode(this.status);
    this.timings = this.phases(end);
    this.#conn!.freedAt = end;
    this.#host.metrics.record(this.#host.tags.current, this);
    if (this.#location !== null) this.#redirect(this.#location);
    else this.#settle();
  }

  onError(err: Error): void {
    if (this.#state === DONE) return;
    if (this.#mayRetry(err)) this.#retry();
    else this.#fail(failureOf(err));
  }

  expire(): void {
    if (this.#state === DONE) return;
    const abort = this.#abort;
    this.#fail(TIMEOUT);
    // Ends the exchange on the wire too; undici's onError then finds the exchange done.
    if (abort !== null) abort(ABORT_REASON);
  }

  interrupt(): void {
    if (this.#state === DONE) return;
    const abort = this.#abort;
    this.#state = DONE;
    this.#host.inFlight.delete(this);
    // A script that did not await this request must not crash its worker with an unhandled rejection.
    this.#promise?.catch(noop);
    this.#reject(new HttpInterruptedError(this.method, this.url));
    if (abort !== null) abort(ABORT_REASON);
  }

  #fail(failure: NetworkFailure): void {
    const end = this.#host.now();
    const conn = this.#conn;
    // Failed before getting a connection: if a connection attempt failed, its time is this request's.
    if (this.tWrite === NO_MARK && conn !== undefined && failure !== TIMEOUT && conn.claimConnect()) {
      this.connectingMs = conn.connectingMs;
      this.tlsMs = conn.tlsMs;
    }
    if (this.#state === CONNECTED) conn!.freedAt = end;
    this.#countReceived();
    this.status = 0;
    this.rawHeaders = null;
    this.chunks = null;
    this.error = failure.message;
    this.errorCode = failure.code;
    this.expected = false;
    this.timings = this.phases(end);
    this.#host.metrics.record(this.#host.tags.current, this);
    this.#settle();
  }

  /** retry-rule.ts's conditions, from what the connection saw of this attempt. */
  #mayRetry(err: Error): boolean {
    const socket = this.#socket;
    const conn = this.#conn!;
    if (this.#retried || this.#state !== CONNECTED || !this.#reused || socket === null || conn.socket !== socket) return false;
    // A byte of the response arrived (the marks are where the previous response ended), or it broke otherwise.
    if (socket.bytesRead !== conn.readMark || !connectionBroke(err)) return false;
    const written = this.tSent !== NO_MARK || socket.bytesWritten !== conn.sentMark;
    return !written || isReplayable(this.method, this.headers);
  }

  /** Sends this hop again, on a new connection; the call's start is kept, so the lost attempt's time is in blocked. */
  #retry(): void {
    this.#retried = true;
    this.#countSent(); // what went out on the dead connection is data sent all the same
    this.#state = PENDING;
    this.#abort = null;
    this.#socket = null;
    this.restartPhases(this.tStart);
    // Not from inside undici's error handling: the failed request is still at the head of its queue.
    queueMicrotask(() => {
      if (this.#state === PENDING) this.#dispatch();
    });
  }

  #settle(): void {
    this.#state = DONE;
    this.#host.inFlight.delete(this);
    this.#resolve(new HttpResponse(this));
  }

  #redirect(location: string): void {
    const hop = nextHop(this.method, this.status, location, this.#target!.href, this.headers);
    this.#redirectsLeft--;
    this.#location = null;
    this.#target = hop.target;
    this.url = hop.target?.href ?? location;
    this.method = hop.method;
    this.headers = hop.headers;
    if (hop.dropBody) this.body = null;
    this.reset = this.#host.noConnectionReuse ? true : hop.method === 'HEAD' ? false : undefined;
    this.status = 0;
    this.rawHeaders = null;
    this.chunks = null;
    this.error = '';
    this.bytesSent = 0;
    this.bytesReceived = 0;
    this.#keepBody = this.responseType !== 'none';
    this.#state = PENDING;
    this.#abort = null;
    this.#socket = null;
    this.#readAtHeaders = NO_MARK;
    this.#retried = false;
    this.restartPhases(this.#host.now());
    // Not from inside undici's onComplete: the finished request is still at the head of its queue.
    queueMicrotask(() => {
      if (this.#state === PENDING) this.#dispatch();
    });
  }

  /** Adds the socket's newly written bytes to this request's (a retried one sent on two connections). */
  #countSent(): void {
    const socket = this.#socket;
    const conn = this.#conn!;
    if (socket === null || conn.socket !== socket) return;
    const written = socket.bytesWritten;
    this.bytesSent += written - conn.sentMark;
    conn.sentMark = written;
  }

  /** Attributes the socket's newly read bytes to this request; returns bytesRead, or NO_MARK. */
  #countReceived(): number {
    const socket = this.#socket;
    const conn = this.#conn;
    if (socket === null || conn === undefined || conn.socket !== socket) return NO_MARK;
    const read = socket.bytesRead;
    this.bytesReceived = read - conn.readMark;
    conn.readMark = read;
    return read;
  }
}

function withAuthorization(headers: readonly string[], authorization: string): readonly string[] {
  for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() === 'authorization') return headers;
  return [...headers, 'authorization', authorization];
}
