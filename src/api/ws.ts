/**
 * `volley/ws`: the types of the WebSocket API a scenario reaches through its context
 * (`ctx.ws.connect(url)`), and its ready-state constants. Shapes follow k6's `k6/websockets` (a
 * browser-like WebSocket) so scripts carry over; docs/websocket.md lists what differs. Only what is
 * VU-independent lives here: a socket belongs to the VU that opened it.
 */

/** `readyState` values, as the browser's WebSocket has them. */
export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSING = 2;
export const CLOSED = 3;

/** The four ready states under their names: `socket.readyState === ReadyState.OPEN`. */
export const ReadyState = Object.freeze({ CONNECTING, OPEN, CLOSING, CLOSED } as const);
export type ReadyStateValue = (typeof ReadyState)[keyof typeof ReadyState];

/** How binary messages arrive in `event.data`: a Blob (the default, as in k6 and browsers) or an ArrayBuffer. */
export type BinaryType = 'blob' | 'arraybuffer';

/** Options of `ws.connect` (k6's WebSocket params, with the subprotocols among them). */
export interface WsParams {
  /** Headers of the upgrade request; a `User-Agent` here replaces volley's default. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra tags for this session's samples; `tags.name` replaces the URL as the `name` (and `url`) tag. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The subprotocols to offer (`Sec-WebSocket-Protocol`); the server's choice is `socket.protocol`. */
  readonly subprotocols?: string | readonly string[];
  /** 'deflate' turns on permessage-deflate (k6's `compression`); off by default. */
  readonly compression?: 'deflate';
}

/** What every event carries. */
export interface WsEvent {
  readonly type: string;
  /** The socket the event belongs to. */
  readonly target: WebSocket;
  /** Unix milliseconds when the event happened. */
  readonly timestamp: number;
}

/** A message from the server: text as a string, binary as a Blob or ArrayBuffer (`binaryType`). */
export interface MessageEvent extends WsEvent {
  readonly type: 'message';
  readonly data: string | ArrayBuffer | Blob;
  /** The socket's URL. */
  readonly origin: string;
}

/** The connection failed or broke; `error` says how, in a sentence (k6 gives a string too). */
export interface ErrorEvent extends WsEvent {
  readonly type: 'error';
  readonly error: string;
  /** The same sentence as `error` (the browser's ErrorEvent name). */
  readonly message: string;
}

/** The session ended. `code` 1006 means it ended without a close frame (it broke, or never opened). */
export interface CloseEvent extends WsEvent {
  readonly type: 'close';
  readonly code: number;
  readonly reason: string;
  /** True when both sides exchanged close frames. */
  readonly wasClean: boolean;
}

/** An open or a ping/pong event: nothing beyond the basics. */
export interface PlainEvent extends WsEvent {
  readonly type: 'open' | 'ping' | 'pong';
}

/** Each event type and the event its listeners get. */
export interface WsEventMap {
  open: PlainEvent;
  message: MessageEvent;
  error: ErrorEvent;
  close: CloseEvent;
  ping: PlainEvent;
  pong: PlainEvent;
}

export type WsEventType = keyof WsEventMap;
export type WsListener<K extends WsEventType> = (event: WsEventMap[K]) => void;

/** A WebSocket session (k6's `k6/websockets` WebSocket); `ws.connect` returns it already connecting. */
export interface WebSocket {
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
  /** The URL as given to `connect`. */
  readonly url: string;
  readonly readyState: ReadyStateValue;
  /** The subprotocol the server chose ('' for none). */
  readonly protocol: string;
  /** The extensions the server accepted ('' for none). */
  readonly extensions: string;
  /** Bytes queued by `send` and not yet handed to the network. */
  readonly bufferedAmount: number;
  binaryType: BinaryType;
  onopen: WsListener<'open'> | null;
  onmessage: WsListener<'message'> | null;
  onerror: WsListener<'error'> | null;
  onclose: WsListener<'close'> | null;
  onping: WsListener<'ping'> | null;
  onpong: WsListener<'pong'> | null;
  /**
   * The close event, once the session has ended. It rejects (with an Error whose name is
   * `WebSocketError` and whose message says what happened) when the session ended in an error:
   * the connection failed, or broke without a close frame.
   */
  readonly closed: Promise<CloseEvent>;
  addEventListener<K extends WsEventType>(type: K, listener: WsListener<K>): void;
  removeEventListener<K extends WsEventType>(type: K, listener: WsListener<K>): void;
  /** Sends a text (string) or binary message; throws `InvalidStateError` unless the socket is open. */
  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void;
  /** Sends a ping; its pong records `ws_ping` (the round trip). */
  ping(): void;
  /** Starts the closing handshake: `code` 1000 (the default) or 3000–4999, `reason` up to 123 bytes. */
  close(code?: number, reason?: string): void;
}

/** The context's `ws` (one per VU): opens WebSocket sessions that belong to the VU. */
export interface Ws {
  /**
   * Opens a session to `url` (ws:// or wss://). Returns at once, connecting; set `onopen` and the
   * other handlers, or await `closed`. The iteration ends once every session it opened has closed.
   */
  connect(url: string | URL, params?: WsParams): WebSocket;
}
