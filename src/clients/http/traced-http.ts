/**
 * The VU's `http` while its iteration is traced for un-awaited calls (worker/pending-calls.ts): the
 * same client, each call recorded with its name before it is passed on. Never on the hot path: an
 * iteration is traced only after one ended with calls still running.
 */
import type { Http, Params, RequestBody, Response } from '../../api/http.js';
import type { CallTracker } from '../types.js';

export class TracedHttp implements Http {
  readonly #http: Http;
  readonly #track: CallTracker;

  constructor(http: Http, track: CallTracker) {
    this.#http = http;
    this.#track = track;
  }

  get(url: string, params?: Params): Promise<Response> {
    return this.#trace('http.get()', this.#http.get(url, params));
  }
  head(url: string, params?: Params): Promise<Response> {
    return this.#trace('http.head()', this.#http.head(url, params));
  }
  post(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.post()', this.#http.post(url, body, params));
  }
  put(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.put()', this.#http.put(url, body, params));
  }
  patch(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.patch()', this.#http.patch(url, body, params));
  }
  del(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.del()', this.#http.del(url, body, params));
  }
  options(url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.options()', this.#http.options(url, body, params));
  }
  request(method: string, url: string, body?: RequestBody | null, params?: Params): Promise<Response> {
    return this.#trace('http.request()', this.#http.request(method, url, body, params));
  }

  #trace(call: string, promise: Promise<Response>): Promise<Response> {
    this.#track(call, promise);
    return promise;
  }
}
