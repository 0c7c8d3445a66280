/**
 * A VU's connections: one undici Client per origin, made on first use, each holding at most one
 * keep-alive connection (pipelining 1), as one browser tab would. Besides the Client, each origin
 * remembers what the request-side code needs to know about its current socket: the connect times of
 * a connection no request has claimed yet, and how many of its bytes are already accounted for.
 */
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { Client } from './undici-parts.js';
import { baseConnector, plainConnector, timedConnector, type ConnectionListener } from './timed-connector.js';

/** Parsed origins, bounded: undici only reads its Client's URL, so the thread's VUs share one (a URL per VU was ≈ 160 B). */
const origins = new Map<string, URL>();

function originUrl(origin: string): URL {
  let url = origins.get(origin);
  if (url === undefined) {
    if (origins.size >= 1024) origins.clear();
    origins.set(origin, (url = new URL(origin)));
  }
  return url;
}

/** One origin's Client plus the state of its current socket. */
export class OriginConnection implements ConnectionListener {
  readonly client: Client;
  /** The socket of the current (or last) connection. */
  socket: Socket | null = null;
  /** `socket.bytesWritten` / `bytesRead` already counted into earlier requests' data_sent / data_received. */
  sentMark = 0;
  readMark = 0;
  /** True from a connection attempt's end until a request claims its connect times. */
  fresh = false;
  connectingMs = 0;
  tlsMs = 0;
  /** When the last connection attempt ended (clock value): a new connection's request has it from then. */
  connectedAt = 0;
  /** When the last request that held the connection ended: one queued behind it has the connection from then. */
  freedAt = 0;

  constructor(origin: string, base: buildConnector.connector, now: () => number) {
    this.client = new Client(originUrl(origin), {
      pipelining: 1,
      connect: timedConnector(base, this, now),
      // Timeouts are the exchange's (one deadline per request, all phases); undici's own stay off.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  }

  onConnection(socket: Socket | null, connectingMs: number, tlsMs: number, at: number): void {
    if (socket !== null) {
      this.socket = socket;
      this.sentMark = 0;
      this.readMark = 0;
    }
    // A failed attempt's times go to the request it fails, as k6 reports a refused dial's duration.
    this.fresh = true;
    this.connectingMs = connectingMs;
    this.tlsMs = tlsMs;
    this.connectedAt = at;
  }

  /** True (once) when the last connection attempt's times are unclaimed: the caller takes them. */
  claimConnect(): boolean {
    if (!this.fresh) return false;
    this.fresh = false;
    return true;
  }
}

/**
 * The per-VU set of origin → connection. Scripts mostly talk to one origin: it is kept in two
 * fields, and a Map is made only for a second one.
 */
export class OriginPool {
  #firstOrigin = '';
  #first: OriginConnection | undefined;
  #more: Map<string, OriginConnection> | undefined;
  readonly #now: () => number;
  readonly #insecureSkipTLSVerify: boolean;
  #tlsBase: buildConnector.connector | undefined;

  constructor(now: () => number, insecureSkipTLSVerify = false) {
    this.#now = now;
    this.#insecureSkipTLSVerify = insecureSkipTLSVerify;
  }

  /** The connection for `origin` (as URL.origin spells it), created on first use. */
  get(origin: string): OriginConnection {
    if (origin === this.#firstOrigin && this.#first !== undefined) return this.#first;
    let conn = this.#more?.get(origin);
    if (conn === undefined) {
      conn = new OriginConnection(origin, this.#baseFor(origin), this.#now);
      if (this.#first === undefined) {
        this.#first = conn;
        this.#firstOrigin = origin;
      } else (this.#more ??= new Map()).set(origin, conn);
    }
    return conn;
  }

  /** Destroys every connection now (in-flight requests fail); the pool stays usable. */
  async close(): Promise<void> {
    const conns = [...(this.#first ? [this.#first] : []), ...(this.#more?.values() ?? [])];
    this.#first = undefined;
    this.#firstOrigin = '';
    this.#more = undefined;
    await Promise.all(conns.map((c) => c.client.destroy().catch(() => undefined)));
  }

  /** https: this VU's own connector (its TLS session cache is the VU's, as a browser's); http: the thread's. */
  #baseFor(origin: string): buildConnector.connector {
    return origin.startsWith('https:') ? (this.#tlsBase ??= baseConnector(this.#insecureSkipTLSVerify)) : plainConnector();
  }
}
