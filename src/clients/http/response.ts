/**
 * The Response a script receives. It keeps what undici handed over (raw header buffers, body
 * chunks) and decodes on first access: most load-test iterations look at `status` only, so
 * headers and body text are never built for them.
 */
import { maskCredentials } from '../mask-credentials.js';
import { inspect } from 'node:util';
import type { RequestInfo, Response, ResponseType, Timings } from '../../api/http.js';
import { ResponseJsonError } from './http-errors.js';

/** Body chunks as received: none, one (the usual case), or several. */
export type BodyChunks = Buffer | Buffer[] | null;

/** What the exchange knows when a response is complete. */
export interface ResponseInit {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly rawHeaders: readonly Buffer[] | null;
  readonly chunks: BodyChunks;
  readonly responseType: ResponseType;
  readonly timings: Timings;
  readonly error: string;
  readonly errorCode: number;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** A response (or a network failure, status 0) with lazily decoded headers, body and JSON. */
export class HttpResponse implements Response {
  readonly status: number;
  readonly url: string;
  readonly timings: Timings;
  readonly error: string;
  readonly error_code: number;
  readonly #method: string;
  readonly #rawHeaders: readonly Buffer[] | null;
  readonly #chunks: BodyChunks;
  readonly #responseType: ResponseType;
  #headers: Readonly<Record<string, string>> | undefined;
  #body: string | Uint8Array | null | undefined;
  #parsed: { value: unknown } | undefined;

  constructor(init: ResponseInit) {
    this.status = init.status;
    this.url = init.url;
    this.timings = init.timings;
    this.error = init.error;
    this.error_code = init.errorCode;
    this.#method = init.method;
    this.#rawHeaders = init.rawHeaders;
    this.#chunks = init.chunks;
    this.#responseType = init.responseType;
  }

  get headers(): Readonly<Record<string, string>> {
    return (this.#headers ??= decodeHeaders(this.#rawHeaders));
  }

  get body(): string | Uint8Array | null {
    if (this.#body === undefined) this.#body = this.status === 0 ? null : decodeBody(this.#chunks, this.#responseType);
    return this.#body;
  }

  get request(): RequestInfo {
    return { method: this.#method, url: this.url };
  }

  /** What JSON.stringify(res) shows: the getters' values, which are not own properties. */
  toJSON(): Record<string, unknown> {
    const body = this.body;
    return {
      status: this.status,
      url: this.url,
      headers: this.headers,
      body: typeof body === 'string' || body === null ? body : `<${body.byteLength} bytes>`,
      timings: this.timings,
      error: this.error,
      error_code: this.error_code,
    };
  }

  /** console.log(res) in a script (the VU's log goes through util.format) shows the same. */
  [inspect.custom](): Record<string, unknown> {
    return this.toJSON();
  }

  json<T = unknown>(selector?: string): T {
    this.#parsed ??= { value: this.#parse() };
    return (selector === undefined ? this.#parsed.value : select(this.#parsed.value, selector)) as T;
  }

  #parse(): unknown {
    const body = this.body;
    const what = `${this.#method} ${maskCredentials(this.url)}`;
    if (body === null) {
      const why = this.status === 0 ? `the request failed (${this.error})` : `the body was discarded (responseType 'none')`;
      throw new ResponseJsonError(`res.json(): ${what} has no body to parse: ${why}`, "pass { responseType: 'text' } in the request params to keep it");
    }
    const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const start = text.length > 60 ? `${text.slice(0, 60)}…` : text;
      const reason = err instanceof Error ? err.message : String(err);
      throw new ResponseJsonError(`res.json(): the body of ${what} (status ${this.status}) is not JSON: ${reason}; it starts ${JSON.stringify(start)}`);
    }
  }
}

function decodeHeaders(raw: readonly Buffer[] | null): Readonly<Record<string, string>> {
  if (raw === null || raw.length === 0) return NO_HEADERS;
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const prev = out[name];
    out[name] = prev === undefined ? value : `${prev}, ${value}`;
  }
  return out;
}

function decodeBody(chunks: BodyChunks, responseType: ResponseType): string | Uint8Array | null {
  if (responseType === 'none') return null;
  const bytes = chunks === null ? null : Array.isArray(chunks) ? Buffer.concat(chunks) : chunks;
  if (responseType === 'binary') return bytes ?? new Uint8Array(0);
  return bytes === null ? '' : bytes.toString('utf8');
}

/** A gjson-like path ('a.b.0.c'; '#' is an array's length); undefined where it leads nowhere. */
function select(value: unknown, selector: string): unknown {
  let current = value;
  for (const part of selector.split('.')) {
    if (Array.isArray(current)) {
      current = part === '#' ? current.length : /^\d+$/.test(part) ? current[Number(part)] : undefined;
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, part)) {
      current = (current as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return current;
}
