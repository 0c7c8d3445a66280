/**
 * undici's connector, timed. undici opens a connection through the `connect` function a Client is
 * given; wrapping it is the one place that sees a connection start, the TCP handshake finish and
 * the TLS handshake finish, at no cost to requests that reuse the connection.
 */
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { buildConnector as newConnector } from './undici-parts.js';

/** Receives each connection this connector opens, with its phase times in ms. */
export interface ConnectionListener {
  /**
   * Called once the connection is usable, or has failed (socket null), at `at` (the clock's value):
   * `connectingMs` is TCP (DNS excluded), `tlsMs` the TLS handshake, each up to where it got.
   */
  onConnection(socket: Socket | null, connectingMs: number, tlsMs: number, at: number): void;
}

/** How long a TCP connect may take before it fails with k6's dial timeout (k6's dialer uses 30 s too). */
const CONNECT_TIMEOUT_MS = 30_000;

/** A connector that reports phase times; `base` is shared by a VU's origins (it holds the TLS session cache). */
export function timedConnector(base: buildConnector.connector, listener: ConnectionListener, now: () => number): buildConnector.connector {
  return function connect(options, callback) {
    const started = now();
    // DNS belongs to `blocked` (as in k6): TCP starts once the name is resolved.
    let tcpStart = started;
    let tcpEnd = Number.NaN;
    const socket = base(options, (err, sock) => {
      const end = now();
      const tcpDone = Number.isNaN(tcpEnd) ? end : tcpEnd;
      listener.onConnection(err === null ? sock : null, tcpDone - tcpStart, end - tcpDone, end);
      (callback as (e: Error | null, s: Socket | null) => void)(err, sock);
    }) as unknown as Socket | undefined;
    // undici's connector returns the socket it created; a custom one may not, and then only the total is known.
    if (socket && typeof socket.once === 'function') {
      socket.once('lookup', () => {
        tcpStart = now();
      });
      if (options.protocol === 'https:') {
        socket.once('connect', () => {
          tcpEnd = now();
        });
      }
    }
  };
}

/**
 * undici's own connector with volley's connect timeout; one per VU for https (it holds the VU's TLS
 * sessions). `insecureSkipTLSVerify` (k6's option) accepts any server certificate.
 */
export function baseConnector(insecureSkipTLSVerify = false): buildConnector.connector {
  return newConnector({ timeout: CONNECT_TIMEOUT_MS, ...(insecureSkipTLSVerify && { rejectUnauthorized: false }) });
}

let plain: buildConnector.connector | undefined;

/**
 * The connector for plain http, one per thread: it keeps no state between connections (its TLS
 * session cache, a Map and a FinalizationRegistry, is never used without TLS), so VUs share it.
 */
export function plainConnector(): buildConnector.connector {
  return (plain ??= newConnector({ timeout: CONNECT_TIMEOUT_MS, maxCachedSessions: 0 }));
}
