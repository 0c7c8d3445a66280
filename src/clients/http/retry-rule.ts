/**
 * When a failed request is sent again, as Go's transport (which k6 uses) and browsers do. A server
 * may close a keep-alive connection while it sits idle (a short keep-alive timeout, a proxy); a client
 * that reuses it at that moment sends its request into a closed connection, and the server never
 * sees it. Such a request is sent once more, on a new connection, when all of these hold:
 *
 *   - it failed on a reused connection (never on one opened for it: that failure is the server's answer),
 *   - because the connection broke (closed or reset), before any byte of its response arrived,
 *   - and nothing of it had been written, or it is safe to send twice: an idempotent method
 *     (RFC 9110 §9.2.2: GET HEAD OPTIONS TRACE PUT DELETE) or an Idempotency-Key header (as Go).
 *
 * A response that broke after it began is the server's failure and is never retried; nor is a POST
 * that was written, as the server may have acted on it.
 */

const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** The error codes of a connection that broke under a request (undici's "other side closed", a reset, a write into a closed socket). */
const CONNECTION_BROKE: ReadonlySet<string> = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/** True when `err` says the connection closed or was reset, rather than that the response was wrong. */
export function connectionBroke(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && CONNECTION_BROKE.has(code);
}

/** True when the request may be sent twice: an idempotent method, or an Idempotency-Key header. */
export function isReplayable(method: string, headers: readonly string[]): boolean {
  if (IDEMPOTENT.has(method)) return true;
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!.toLowerCase();
    if (name === 'idempotency-key' || name === 'x-idempotency-key') return true;
  }
  return false;
}
