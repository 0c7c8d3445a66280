/**
 * k6's request phases from a handful of clock marks. A clock read costs about 0.1 µs on this kind
 * of machine, so a steady GET reads it three times (call, connection assigned, headers parsed) and
 * derives the rest:
 *
 *   blocked         = connection assigned − call − connecting − tls_handshaking  (queueing, DNS)
 *   connecting      = the TCP connect of a new connection, on the request that got it (0 on reuse)
 *   tls_handshaking = its TLS handshake, likewise
 *   sending         = request written − connection assigned (undici writes a buffered request in
 *                     one synchronous call, timed only when there is a body; 0 without one)
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
  protected tConnect = NO_MARK;
  protected tSent = NO_MARK;
  protected tHeaders = NO_MARK;
  protected connectingMs = 0;
  protected tlsMs = 0;

  constructor(start: number) {
    this.tStart = start;
  }

  /** Starts over for another hop of the same request. */
  protected restartPhases(start: number): void {
    this.tStart = start;
    this.tConnect = this.tSent = this.tHeaders = NO_MARK;
    this.connectingMs = this.tlsMs = 0;
  }

  /** The phases up to `end`. */
  protected phases(end: number): Timings {
    const connected = this.tConnect === NO_MARK ? end : this.tConnect;
    const sent = this.tSent === NO_MARK ? end : this.tSent;
    const headers = this.tHeaders === NO_MARK ? end : this.tHeaders;
    const sending = sent - connected;
    const waiting = headers - sent;
    const receiving = end - headers;
    return {
      // A connection opened for an abandoned request may be claimed by a later one: never below 0.
      blocked: Math.max(0, connected - this.tStart - this.connectingMs - this.tlsMs),
      connecting: this.connectingMs,
      tls_handshaking: this.tlsMs,
      sending,
      waiting,
      receiving,
      duration: sending + waiting + receiving,
    };
  }
}
