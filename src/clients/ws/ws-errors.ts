/**
 * The exceptions of the WebSocket client. A failed or broken connection is never thrown: it is an
 * `error` event and a rejection of `socket.closed`, with a WebSocketError. What is thrown at the
 * call is a mistake in the script (bad params, a send before open) or the VU being stopped.
 */
import { ExitCode, VolleyError } from '../../errors.js';

/** `ws.connect`'s URL or params cannot be used (a script mistake, so it surfaces as an iteration error). */
export class WsParamsError extends VolleyError {
  constructor(message: string, hint?: string) {
    super(message, 'VOLLEY_WS_PARAMS', ExitCode.scriptError, hint);
  }
}

/**
 * A call the socket's state does not allow (the browser's and k6's `InvalidStateError`): `send` or
 * `ping` before the socket is open or after it closed.
 */
export class WsStateError extends VolleyError {
  constructor(call: string, state: string) {
    super(`${call} while the WebSocket is ${state}: call it from onopen, or once readyState is OPEN`, 'VOLLEY_WS_STATE', ExitCode.scriptError);
    this.name = 'InvalidStateError';
  }
}

/** How a session ended in error: `socket.closed` rejects with it, and the `error` event carries its message. */
export class WebSocketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebSocketError';
  }
}

/**
 * The VU was stopped: `ws.connect` on a stopped VU throws it, and `closed` of a session the stop
 * closed rejects with it. Rejecting, rather than resolving, ends the script's own loops (as
 * HttpInterruptedError does); the VU discards the iteration, so this fails no run.
 */
export class WsInterruptedError extends VolleyError {
  /** `what`: `ws.connect(URL)`, or `the WebSocket session with URL`. */
  constructor(what: string) {
    super(`${what} interrupted: the VU was stopped`, 'VOLLEY_VU_INTERRUPTED', ExitCode.ok);
  }
}
