/**
 * k6's request phases from a handful of clock marks. A clock read costs about 0.1 µs on this kind
 * of machine, so a steady GET reads it three times (call, write, headers parsed) and takes the
 * moment it got its connection from what the connection already knows (origin-pool.ts):
 *
 *   blocked         = connection obtained − call: time without a connection to send on, as k6's
 *                     (Go's GetConn → GotConn). 0 when the VU's connection to the origin was idle; else
 *                     waiting for the VU's other request on it to end, or opening a new connection
 *                     (DNS, connecting and tls_handshaking are inside it, as in k6), or an attempt
 *                     on a reused connection the server had closed, which was then retried
 *   connecting      = the TCP connect of a new connection, on the request that got it (0 on reuse)
 *   tls_handshaking = its TLS handshake, likewise
 *   sending         = request written − connection obtained: undici holds a request for one turn of
 *                     the event loop before writing on an idle keep-alive connection (so that a close
 *                     the server sent meanwhile is seen first), then builds and writes it in one
 *                     synchronous call; without a body the clock is read as that call starts (the
 *                     write of a few hundred bytes is not worth a read), with one as it ends
 *   waiting         = headers parsed − request written
 *   receiving       = body ended − headers parsed (0 when the body came in the same socket read as
 *                     the headers: it was parsed within microseconds of them)
 *   duration        = sending + waiting + receiving
 *
 * When a request fails, the phases it never reached are 0 and the time goes to the one in progress.
 * It is a base class rather than a field so that a request allocates one object, not two.
 */
import type { Timings } from '../../api/http.js';

/** A mark not taken (yet). Clock values are positive. */
export const NO_MARK = -1;

/** Holds a request's clock marks and turns them into Timings. */
export class PhaseTimer {
  protected tStart: number;
  /** When the request had a connection to itself; see the file comment. */
  protected tGotConn = NO_MARK;
  /** When undici began writing the request (its onConnect). */
  protected tWrite = NO_MARK;
  protected tSent = NO_MARK;
  protected tHeaders = NO_MARK;
  protected connectingMs = 0;
  protected tlsMs = 0;

  constructor(start: number) {
    this.tStart = start;
  }

  /** Starts over from `start`: another hop of the same request, or (with the same start) a retry. */
  protected restartPhases(start: number): void {
    this.tStart = start;
    this.tGotConn = this.tWrite = this.tSent = this.tHeaders = NO_MARK;
    this.connectingMs = this.tlsMs = 0;
  }

  /** The phases up to `end`. */
  protected phases(end: number): Timings {
    const gotConn = this.tGotConn === NO_MARK ? end : this.tGotConn;
    const sent = this.tSent === NO_MARK ? end : this.tSent;
    const headers = this.tHeaders === NO_MARK ? end : this.tHeaders;
    const sending = sent - gotConn;
    const waiting = headers - sent;
    const receiving = end - headers;
    return {
      blocked: gotConn - this.tStart,
      connecting: this.connectingMs,
      tls_handshaking: this.tlsMs,
      sending,
      waiting,
      receiving,
      duration: sending + waiting + receiving,
    };
  }
}
