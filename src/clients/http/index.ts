/** The HTTP protocol client: `createHttp` builds the `http` object of one VU. */
import type { Http } from '../../api/http.js';
import type { ClientContext, ProtocolClient } from '../types.js';
import { VuHttp } from './vu-http.js';

/** Builds a VU's HTTP client over its own connections (one undici Client per origin). */
export function createHttp(ctx: ClientContext): Http & ProtocolClient {
  return new VuHttp(ctx);
}

export { HttpInterruptedError, HttpParamsError, ResponseJsonError } from './http-errors.js';
export { ErrorCode } from './error-codes.js';
