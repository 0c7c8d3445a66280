/**
 * The public types of the HTTP API a scenario reaches through its context (`ctx.http.get(...)`).
 * Shapes follow k6's `k6/http` (Params, Response, timings, error codes) so scripts and checks carry
 * over; differences are noted where they exist.
 */

/** How the body of a response is kept: decoded text, raw bytes, or not at all (bytes still counted). */
export type ResponseType = 'text' | 'binary' | 'none';

/** One accepted status, or an inclusive range of them (k6's `http.expectedStatuses(200, { min: 300, max: 399 })`). */
export type ExpectedStatus = number | { readonly min: number; readonly max: number };

/** Per-request options (k6's Params). */
export interface Params {
  /** Request headers; a `User-Agent` here replaces volley's default. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra tags for this request's samples; `tags.name` replaces the URL as the `name` tag. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Whole-request timeout (all redirect hops included): milliseconds, or a duration string such as '10s'. */
  readonly timeout?: number | string;
  /** How many redirects to follow (k6's name); 0 returns the first 3xx response as is. */
  readonly redirects?: number;
  /** Alias of `redirects`, matching the run-wide `maxRedirects` option. */
  readonly maxRedirects?: number;
  /** 'text' (default), 'binary' (body as Uint8Array) or 'none' (body discarded, null). */
  readonly responseType?: ResponseType;
  /** Statuses that count as success for `http_req_failed` and `expected_response`; default 200–399. */
  readonly expectedStatuses?: readonly ExpectedStatus[];
}

/** A request body: strings and bytes are sent as they are; a plain object or array is sent as JSON. */
export type RequestBody = string | Uint8Array | ArrayBuffer | Readonly<Record<string, unknown>> | readonly unknown[];

/** Phase durations of one request in milliseconds (k6's `res.timings`; docs/metrics.md defines each). */
export interface Timings {
  /** Waiting for a connection: 0 on the VU's idle connection; queueing behind its other request, DNS, and a new connection's connecting and TLS included (as k6). */
  readonly blocked: number;
  /** TCP connect; 0 when an open connection was reused. */
  readonly connecting: number;
  /** TLS handshake; 0 for plain HTTP and on reuse. */
  readonly tls_handshaking: number;
  /** From having the connection to the request written (on a reused connection: undici's one-turn check that it is still open, then the write). */
  readonly sending: number;
  /** From the request written to the response headers parsed (time to first byte). */
  readonly waiting: number;
  /** From the response headers to the end of the body. */
  readonly receiving: number;
  /** sending + waiting + receiving (k6's definition: connection set-up is not included). */
  readonly duration: number;
}

/** What was sent, for debugging: the method and URL of the (last hop of the) request. */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
}

/** The result of a request. Network failures are responses too: status 0 with `error` and `error_code` set. */
export interface Response {
  /** HTTP status; 0 when no response arrived (refused, reset, timeout, invalid URL, garbage). */
  readonly status: number;
  /** Response headers with lower-case names; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body per `responseType`: string ('text'), Uint8Array ('binary'), or null ('none', or no response). */
  readonly body: string | Uint8Array | null;
  /** The final URL, after redirects. */
  readonly url: string;
  readonly timings: Timings;
  /** '' when the request succeeded; otherwise why not (k6's messages where k6 has one). */
  readonly error: string;
  /** 0 when fine; k6's codes otherwise: 1000 generic, 1050 timeout, 1212 refused, 1220 reset, 1000+status for 4xx/5xx. */
  readonly error_code: number;
  readonly request: RequestInfo;
  /**
   * The body parsed as JSON; with a selector ('items.0.id', 'items.#' for a length) only that part,
   * undefined when the path does not exist. Throws when the body is not JSON or was not kept.
   */
  json<T = unknown>(selector?: string): T;
}

/** The VU's HTTP client: every method resolves to a Response, network failures included. */
export interface Http {
  get(url: string, params?: Params): Promise<Response>;
  head(url: string, params?: Params): Promise<Response>;
  post(url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
  put(url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
  patch(url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
  /** DELETE (`delete` is a reserved word in k6's API too). */
  del(url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
  options(url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
  /** Any method, upper-cased: `request('PURGE', url)`. */
  request(method: string, url: string, body?: RequestBody | null, params?: Params): Promise<Response>;
}
