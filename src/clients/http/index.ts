/** The HTTP protocol: `httpClient` is its registry entry (the context's `http`); `createHttp` builds one VU's client. */
import type { Http } from '../../api/http.js';
import type { ClientContext, ClientFactory, ProtocolClient } from '../types.js';
import { httpDefaultsOf, type HttpDefaults } from './http-defaults.js';
import { TracedHttp } from './traced-http.js';
import { VuHttp } from './vu-http.js';

/** Builds a VU's HTTP client over its own connections (one undici Client per origin). */
export function createHttp(ctx: ClientContext, defaults: HttpDefaults): Http & ProtocolClient {
  return new VuHttp(ctx, defaults);
}

/** `ctx.http`: k6's `k6/http`, one client per VU. */
export const httpClient: ClientFactory<'http', Http, HttpDefaults> = {
  name: 'http',
  defaults: httpDefaultsOf,
  create: createHttp,
  traced: (http, track) => new TracedHttp(http, track),
  wording: {
    example: 'http.get()',
    unnamed: 'an http request (http.get(), http.post(), …)',
    awaited: (call) => `const res = await ${call.replace('()', '(...)')}`,
  },
};

export type { HttpDefaults } from './http-defaults.js';
export { HttpInterruptedError, HttpParamsError, ResponseJsonError } from './http-errors.js';
export { ErrorCode } from './error-codes.js';
