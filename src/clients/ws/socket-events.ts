/**
 * A socket's event handlers (`onmessage`, ...) and listeners (`addEventListener`), and the events
 * they get. Each event type has a slot; a socket with no handler for a type skips building its
 * event (an echo loop's messages cost no decoding when nobody listens). A handler that throws is
 * reported as the script's error outside the socket's own stack (stray-errors.ts counts it with
 * the iteration errors, naming its line), so ws's internal state is never unwound by it.
 */
import type { WebSocket, WsEventType } from '../../api/ws.js';
import { WsParamsError } from './ws-errors.js';

export const EVENT_TYPES = ['open', 'message', 'error', 'close', 'ping', 'pong'] as const satisfies readonly WsEventType[];
export const OPEN_EVENT = 0;
export const MESSAGE_EVENT = 1;
export const ERROR_EVENT = 2;
export const CLOSE_EVENT = 3;
export const PING_EVENT = 4;
export const PONG_EVENT = 5;

type Handler = (event: never) => void;

/** open, ping and pong. */
export class PlainEventImpl {
  readonly type: string;
  readonly target: WebSocket;
  readonly timestamp: number;
  constructor(type: string, target: WebSocket) {
    this.type = type;
    this.target = target;
    this.timestamp = Date.now();
  }
}

export class MessageEventImpl {
  readonly type = 'message';
  readonly target: WebSocket;
  readonly timestamp: number;
  readonly data: string | ArrayBuffer | Blob;
  readonly origin: string;
  constructor(target: WebSocket, data: string | ArrayBuffer | Blob) {
    this.target = target;
    this.timestamp = Date.now();
    this.data = data;
    this.origin = target.url;
  }
}

export class ErrorEventImpl {
  readonly type = 'error';
  readonly target: WebSocket;
  readonly timestamp: number;
  readonly error: string;
  readonly message: string;
  constructor(target: WebSocket, error: string) {
    this.target = target;
    this.timestamp = Date.now();
    this.error = error;
    this.message = error;
  }
}

export class CloseEventImpl {
  readonly type = 'close';
  readonly target: WebSocket;
  readonly timestamp: number;
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  constructor(target: WebSocket, code: number, reason: string) {
    this.target = target;
    this.timestamp = Date.now();
    this.code = code;
    this.reason = reason;
    this.wasClean = code !== 1006;
  }
}

/** The handlers of one socket, by event slot. */
export class SocketListeners {
  readonly #on: (Handler | null)[] = [null, null, null, null, null, null];
  #added: Handler[][] | undefined;

  /** The `on<type>` handler of `slot`. */
  on(slot: number): unknown {
    return this.#on[slot]!;
  }

  /** Sets the `on<type>` handler; null or undefined removes it. */
  setOn(slot: number, handler: unknown): void {
    if (handler !== null && handler !== undefined && typeof handler !== 'function') {
      throw new WsParamsError(`on${EVENT_TYPES[slot]} must be a function or null (got ${typeof handler})`);
    }
    this.#on[slot] = (handler as Handler | null | undefined) ?? null;
  }

  add(type: string, listener: unknown): void {
    const slot = slotOf(type);
    if (typeof listener !== 'function') throw new WsParamsError(`addEventListener('${type}', listener) needs a function (got ${typeof listener})`);
    ((this.#added ??= [[], [], [], [], [], []])[slot] ??= []).push(listener as Handler);
  }

  remove(type: string, listener: unknown): void {
    const list = this.#added?.[slotOf(type)];
    const at = list?.indexOf(listener as Handler) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  }

  /** True when something listens to `slot`. */
  has(slot: number): boolean {
    return this.#on[slot] !== null || (this.#added?.[slot]?.length ?? 0) > 0;
  }

  /** Calls every handler of `slot` with `event` (on<type> first); false when one threw. */
  dispatch(slot: number, target: WebSocket, event: object): boolean {
    let ok = true;
    const on = this.#on[slot];
    if (on !== null && on !== undefined) ok = call(on, target, event);
    const added = this.#added?.[slot];
    if (added !== undefined && added.length > 0) for (const listener of [...added]) ok = call(listener, target, event) && ok;
    return ok;
  }
}

function slotOf(type: string): number {
  const slot = (EVENT_TYPES as readonly string[]).indexOf(type);
  if (slot < 0) throw new WsParamsError(`unknown WebSocket event ${JSON.stringify(type)}; known: ${EVENT_TYPES.join(', ')}`);
  return slot;
}

function call(handler: Handler, target: WebSocket, event: object): boolean {
  try {
    (handler as (this: WebSocket, event: object) => void).call(target, event);
    return true;
  } catch (err) {
    // As if the handler ran from an event callback of its own: the thread's stray-error handling
    // counts and prints it with the script's line.
    process.nextTick(() => {
      throw err;
    });
    return false;
  }
}
