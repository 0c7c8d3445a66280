/**
 * One WebSocket session of a VU, browser-like (k6's `k6/websockets` WebSocket) over the `ws`
 * package. Its life, and what it records (session-metrics.ts):
 *
 *   connect ─► upgrade answered 101 ─► open: ws_sessions, ws_connecting ─► messages, pings ─►
 *   close (by the script, by the server, or by the VU stopping): ws_session_duration ─► `close`
 *
 * A connect that fails (refused, an upgrade answered with another status, a URL that is not ws://)
 * records ws_sessions and ws_connecting with its status, then fires `error` and `close`; `closed`
 * rejects. When the VU is interrupted (gracefulStop ran out, a ramp-down, ^C) the socket is
 * detached: it fires no more events, closes with 1001 (going away), records its session as it
 * ends, and `closed` rejects with WsInterruptedError (so the abandoned iteration's code stops); a
 * connect still in progress then is dropped without a sample, as k6 drops it.
 */
import type { Socket } from 'node:net';
import type { WebSocket as WsSocket } from 'ws';
import type { BinaryType, CloseEvent, ReadyStateValue, WebSocket, WsEventType, WsListener } from '../../api/ws.js';
import type { TagSet } from '../../metrics/tags.js';
import type { ClientContext } from '../types.js';
import { badUrlSentence, brokenSessionSentence, connectFailureSentence, isNormalClose } from './failure-sentence.js';
import type { SessionMetrics, SessionSeries } from './session-metrics.js';
import * as ev from './socket-events.js';
import type { WsDefaults } from './ws-defaults.js';
import { WebSocketError, WsInterruptedError, WsParamsError, WsStateError } from './ws-errors.js';
import { loadWebSocket, loadedWebSocket, type WebSocketClass } from './ws-library.js';
import type { SessionPlan } from './ws-params.js';

/** How long a socket closed by an interrupt may take to finish the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 1000;
const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;

function noop(): void {}

/** What a socket needs from the VU's client that opened it. */
export interface SocketOwner {
  readonly ctx: ClientContext;
  readonly defaults: WsDefaults;
  readonly metrics: SessionMetrics;
  /** The socket has closed and fired `close`: it no longer keeps the iteration running. */
  ended(socket: VuSocket): void;
}

export class VuSocket implements WebSocket {
  declare readonly CONNECTING: 0;
  declare readonly OPEN: 1;
  declare readonly CLOSING: 2;
  declare readonly CLOSED: 3;
  readonly url: string;
  readonly closed: Promise<CloseEvent>;
  readonly #owner: SocketOwner;
  readonly #plan: SessionPlan;
  /** The VU's tags when it connected: the session's samples carry them to the end. */
  readonly #base: TagSet;
  readonly #started: number;
  readonly #listeners = new ev.SocketListeners();
  #ws: WsSocket | undefined;
  #state: ReadyStateValue = 0;
  #binaryType: BinaryType = 'blob';
  #status = 0;
  #statusText = '';
  #failure: Error | undefined;
  #series: SessionSeries | undefined;
  /** The TCP (or TLS) socket under the session, for data_sent / data_received, and what of it was recorded. */
  #net: Socket | undefined;
  #read = 0;
  #written = 0;
  /** The script called close() (or a handler threw): the end is not an error. */
  #closing = false;
  /** The VU was interrupted: no more events reach the script. */
  #detached = false;
  #grace: NodeJS.Timeout | undefined;
  #pings: Map<string, number> | undefined;
  #pingSeq = 0;
  #settle!: { resolve: (e: CloseEvent) => void; reject: (e: Error) => void };

  constructor(owner: SocketOwner, url: string, plan: SessionPlan) {
    this.url = url;
    this.#owner = owner;
    this.#plan = plan;
    this.#base = owner.ctx.tags.current;
    this.#started = owner.ctx.now();
    this.closed = new Promise<CloseEvent>((resolve, reject) => (this.#settle = { resolve, reject }));
    // A script that never looks at `closed` must not see its rejection as an unhandled one.
    this.closed.catch(noop);
    if (!isWsUrl(url)) {
      // Failed as a connect fails: after the script has had the chance to set its handlers.
      setImmediate(() => this.#refused(badUrlSentence(url)));
      return;
    }
    const WebSocketClass = loadedWebSocket();
    if (WebSocketClass !== undefined) this.#ws = this.#open(WebSocketClass, url);
    else loadWebSocket().then(
      (loaded) => this.#startLate(loaded),
      (err: Error) => this.#startLate(undefined, err),
    );
  }

  get readyState(): ReadyStateValue {
    return this.#state;
  }
  get protocol(): string {
    return this.#ws?.protocol ?? '';
  }
  get extensions(): string {
    return this.#ws?.extensions ?? '';
  }
  get bufferedAmount(): number {
    return this.#ws?.bufferedAmount ?? 0;
  }
  get binaryType(): BinaryType {
    return this.#binaryType;
  }
  set binaryType(type: BinaryType) {
    if (type !== 'blob' && type !== 'arraybuffer') throw new WsParamsError(`binaryType must be 'blob' or 'arraybuffer' (got ${JSON.stringify(type)})`);
    this.#binaryType = type;
    // ws takes 'blob' too (since 8.18); its types do not list it yet.
    if (this.#ws) this.#ws.binaryType = type as 'arraybuffer';
  }

  get onopen(): WsListener<'open'> | null {
    return this.#listeners.on(ev.OPEN_EVENT) as WsListener<'open'> | null;
  }
  set onopen(h: WsListener<'open'> | null) {
    this.#listeners.setOn(ev.OPEN_EVENT, h);
  }
  get onmessage(): WsListener<'message'> | null {
    return this.#listeners.on(ev.MESSAGE_EVENT) as WsListener<'message'> | null;
  }
  set onmessage(h: WsListener<'message'> | null) {
    this.#listeners.setOn(ev.MESSAGE_EVENT, h);
  }
  get onerror(): WsListener<'error'> | null {
    return this.#listeners.on(ev.ERROR_EVENT) as WsListener<'error'> | null;
  }
  set onerror(h: WsListener<'error'> | null) {
    this.#listeners.setOn(ev.ERROR_EVENT, h);
  }
  get onclose(): WsListener<'close'> | null {
    return this.#listeners.on(ev.CLOSE_EVENT) as WsListener<'close'> | null;
  }
  set onclose(h: WsListener<'close'> | null) {
    this.#listeners.setOn(ev.CLOSE_EVENT, h);
  }
  get onping(): WsListener<'ping'> | null {
    return this.#listeners.on(ev.PING_EVENT) as WsListener<'ping'> | null;
  }
  set onping(h: WsListener<'ping'> | null) {
    this.#listeners.setOn(ev.PING_EVENT, h);
  }
  get onpong(): WsListener<'pong'> | null {
    return this.#listeners.on(ev.PONG_EVENT) as WsListener<'pong'> | null;
  }
  set onpong(h: WsListener<'pong'> | null) {
    this.#listeners.setOn(ev.PONG_EVENT, h);
  }

  addEventListener<K extends WsEventType>(type: K, listener: WsListener<K>): void {
    this.#listeners.add(type, listener);
  }
  removeEventListener<K extends WsEventType>(type: K, listener: WsListener<K>): void {
    this.#listeners.remove(type, listener);
  }

  send(data: string | ArrayBuffer | ArrayBufferView | Blob): void {
    if (this.#state !== 1) throw new WsStateError('send()', STATE_NAMES[this.#state]);
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data) && !(data instanceof Blob)) {
      throw new WsParamsError(`send() takes a string, an ArrayBuffer, a typed array or a Blob (got ${data === null ? 'null' : typeof data})`);
    }
    this.#ws!.send(data);
    this.#series!.sent.add(1);
    this.#countWritten();
  }

  ping(): void {
    if (this.#state !== 1) throw new WsStateError('ping()', STATE_NAMES[this.#state]);
    const id = String(this.#pingSeq++);
    (this.#pings ??= new Map()).set(id, this.#owner.ctx.now());
    this.#ws!.ping(id);
    this.#countWritten();
  }

  close(code?: number, reason?: string): void {
    if (this.#state >= 2) return;
    const text = reason === undefined ? '' : String(reason);
    if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new WsParamsError(`close() takes code 1000 or one from 3000 to 4999 (got ${code})`);
    }
    if (Buffer.byteLength(text) > 123) throw new WsParamsError('close() takes a reason of at most 123 bytes');
    this.#closing = true;
    this.#shut(code ?? 1000, text);
  }

  /** The VU was interrupted: nothing more reaches the script; the session closes (1001) and is recorded as it ends. */
  detach(): void {
    if (this.#state === 3 || this.#detached) return;
    this.#detached = true;
    this.#shut(1001, '');
    this.#grace ??= setTimeout(() => this.#ws?.terminate(), CLOSE_GRACE_MS);
  }

  /** Starts closing: the closing handshake when open, dropping the connect when still connecting (or not yet started). */
  #shut(code: number, reason: string): void {
    if (this.#state >= 2) return;
    const connecting = this.#state === 0;
    this.#state = 2;
    if (connecting) this.#ws?.terminate();
    else this.#ws?.close(code, reason);
  }

  /** The first connect of the thread, once `ws` has loaded (ws-library.ts): connects, unless closed meanwhile. */
  #startLate(WebSocketClass: WebSocketClass | undefined, loadError?: Error): void {
    if (this.#state !== 0) return this.#ended(1006, '', undefined);
    try {
      if (WebSocketClass === undefined) throw loadError;
      this.#ws = this.#open(WebSocketClass, this.url);
    } catch (err) {
      this.#refused(connectFailureSentence(this.url, 0, '', err as Error));
    }
  }

  #open(WebSocketClass: WebSocketClass, url: string): WsSocket {
    const { defaults } = this.#owner;
    const plan = this.#plan;
    const headers = defaults.userAgent === '' || hasHeader(plan.headers, 'user-agent') ? plan.headers : { 'User-Agent': defaults.userAgent, ...plan.headers };
    let ws: WsSocket;
    try {
      ws = new WebSocketClass(url, plan.subprotocols as string[], {
        headers,
        handshakeTimeout: defaults.handshakeTimeoutMs,
        perMessageDeflate: plan.compression,
        rejectUnauthorized: !defaults.insecureSkipTLSVerify,
        followRedirects: false,
      });
    } catch (err) {
      throw new WsParamsError(`ws.connect(${url}): ${(err as Error).message}`);
    }
    ws.binaryType = this.#binaryType as 'arraybuffer';
    ws.on('upgrade', (res) => {
      this.#status = res.statusCode ?? 0;
      this.#net = res.socket;
    });
    ws.on('unexpected-response', (_req, res) => {
      this.#status = res.statusCode ?? 0;
      this.#statusText = res.statusMessage ?? '';
      this.#net = res.socket;
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => this.#opened(ws));
    ws.on('message', (data, isBinary) => this.#message(data as Buffer | ArrayBuffer | Blob, isBinary));
    ws.on('ping', () => this.#event(ev.PING_EVENT));
    ws.on('pong', (data) => this.#pong(data));
    ws.on('error', (err) => void (this.#failure ??= err));
    ws.on('close', (code, reason) => this.#closedBy(code, reason.toString()));
    return ws;
  }

  #opened(ws: WsSocket): void {
    this.#state = 1;
    const series = (this.#series = this.#owner.metrics.series(this.#base, this.#plan, this.url, this.#status || 101, ws.protocol));
    series.sessions.add(1);
    series.connecting.add(this.#owner.ctx.now() - this.#started);
    this.#countRead();
    this.#countWritten();
    if (this.#detached) this.#shut(1001, '');
    else this.#event(ev.OPEN_EVENT);
  }

  #message(data: Buffer | ArrayBuffer | Blob, isBinary: boolean): void {
    // As k6 and browsers: a message that arrives once the socket is closing is dropped.
    if (this.#state !== 1) return;
    this.#series!.received.add(1);
    this.#countRead();
    if (this.#detached || !this.#listeners.has(ev.MESSAGE_EVENT)) return;
    const event = new ev.MessageEventImpl(this, isBinary ? (data as ArrayBuffer | Blob) : (data as Buffer).toString());
    this.#dispatch(ev.MESSAGE_EVENT, event);
  }

  #pong(data: Buffer): void {
    const sent = this.#pings?.get(data.toString());
    if (sent !== undefined) {
      this.#pings!.delete(data.toString());
      this.#series?.ping.add(this.#owner.ctx.now() - sent);
    }
    this.#countRead();
    this.#event(ev.PONG_EVENT);
  }

  #event(slot: number): void {
    if (this.#detached || !this.#listeners.has(slot)) return;
    this.#dispatch(slot, new ev.PlainEventImpl(ev.EVENT_TYPES[slot]!, this));
  }

  /** A handler that throws ends its session, as in k6; the error itself is reported as the script's. */
  #dispatch(slot: number, event: object): void {
    if (this.#listeners.dispatch(slot, this, event)) return;
    this.#closing = true;
    this.#state = 2;
    this.#ws?.terminate();
  }

  /** ws's 'close': the connection is gone. Records what the session was, then fires `error` (if it was one) and `close`. */
  #closedBy(code: number, reason: string): void {
    const wasOpen = this.#series !== undefined;
    let error: string | undefined;
    if (wasOpen) {
      this.#series!.duration.add(this.#owner.ctx.now() - this.#started);
      this.#countRead();
      this.#countWritten();
      if (!this.#closing && !this.#detached && (this.#failure !== undefined || !isNormalClose(code))) error = brokenSessionSentence(this.url, code, reason, this.#failure);
    } else if (!this.#closing && !this.#detached) {
      const series = this.#owner.metrics.series(this.#base, this.#plan, this.url, this.#status, '');
      series.sessions.add(1);
      series.connecting.add(this.#owner.ctx.now() - this.#started);
      this.#countRead(series);
      this.#countWritten(series);
      error = connectFailureSentence(this.url, this.#status, this.#statusText, this.#failure);
    }
    this.#ended(code, reason, error);
  }

  /** A connect that never reached the network: counted as a session with status 0, then `error` and `close`. */
  #refused(sentence: string): void {
    const counted = this.#state === 0;
    if (counted) this.#owner.metrics.series(this.#base, this.#plan, this.url, 0, '').sessions.add(1);
    this.#ended(1006, '', counted ? sentence : undefined);
  }

  #ended(code: number, reason: string, error: string | undefined): void {
    clearTimeout(this.#grace);
    this.#state = 3;
    const event = new ev.CloseEventImpl(this, code, reason);
    if (!this.#detached) {
      if (error !== undefined) this.#listeners.dispatch(ev.ERROR_EVENT, this, new ev.ErrorEventImpl(this, error));
      this.#listeners.dispatch(ev.CLOSE_EVENT, this, event);
    }
    if (this.#detached) this.#settle.reject(new WsInterruptedError(`the WebSocket session with ${this.url}`));
    else if (error === undefined) this.#settle.resolve(event);
    else this.#settle.reject(new WebSocketError(error));
    this.#owner.ended(this);
  }

  /** data_received up to now (bytes read by the connection, the upgrade's included). */
  #countRead(series = this.#series): void {
    const read = this.#net?.bytesRead ?? 0;
    if (read > this.#read && series !== undefined) {
      series.dataReceived.add(read - this.#read);
      this.#read = read;
    }
  }

  #countWritten(series = this.#series): void {
    const written = this.#net?.bytesWritten ?? 0;
    if (written > this.#written && series !== undefined) {
      series.dataSent.add(written - this.#written);
      this.#written = written;
    }
  }
}

for (const [i, name] of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].entries()) {
  Object.defineProperty(VuSocket.prototype, name, { value: i, enumerable: true });
}

function isWsUrl(url: string): boolean {
  return URL.canParse(url) && /^wss?:$/.test(new URL(url).protocol);
}

function hasHeader(headers: Readonly<Record<string, string>>, lower: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lower) return true;
  return false;
}
