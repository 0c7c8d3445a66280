/**
 * The exceptions the HTTP client throws. Network failures are never among them: those become
 * responses with status 0. What is thrown is either a mistake in the script (bad params, json() on
 * a body that is not JSON) or the VU being stopped.
 */
import { maskCredentials } from '../mask-credentials.js';
import { ExitCode, VolleyError } from '../../errors.js';

/** A request's params or body cannot be used (a script mistake, so it surfaces as an iteration error). */
export class HttpParamsError extends VolleyError {
  constructor(message: string, hint?: string) {
    super(message, 'VOLLEY_HTTP_PARAMS', ExitCode.scriptError, hint);
  }
}

/** `res.json()` on a body that is not JSON, or that was not kept. */
export class ResponseJsonError extends VolleyError {
  constructor(message: string, hint?: string) {
    super(message, 'VOLLEY_HTTP_JSON', ExitCode.scriptError, hint);
  }
}

/**
 * The VU was interrupted (hard stop, or gracefulStop ran out) while the request was in flight, or
 * a request was started after that. Rejecting, rather than resolving, ends the script's own loops;
 * the VU discards the iteration, so this is not a failure of the run (exit code 0).
 */
export class HttpInterruptedError extends VolleyError {
  constructor(method: string, url: string) {
    super(`${method} ${maskCredentials(url)} interrupted: the VU was stopped`, 'VOLLEY_VU_INTERRUPTED', ExitCode.ok);
  }
}
