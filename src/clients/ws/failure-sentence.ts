/**
 * The one sentence a failed or broken session is described by: the `error` event's `error`, and
 * the message of the WebSocketError `socket.closed` rejects with. It names the URL and what went
 * wrong in words, never a stack: it is about the server or the network, not the script.
 */
// No node:http here (its STATUS_CODES would do): on Node 22 and later, loading it in a load thread
// also loads crypto, tls and http2, which test/bundles.test.ts keeps out of a load thread.

/** Node's codes for failures a user meets connecting, in words. */
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connect timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** A URL `ws.connect` cannot use. */
export function badUrlSentence(url: string): string {
  return `ws.connect() needs a ws:// or wss:// URL (got ${JSON.stringify(url)})${/^https?:/i.test(url) ? `: write ${url.replace(/^http/i, 'ws')}` : ''}`;
}

/** The connect ended before the session opened: refused, a timeout, or the server answered the upgrade with `status` (0: no answer). */
export function connectFailureSentence(url: string, status: number, statusText: string, err: Error | undefined): string {
  if (status > 0 && status !== 101) {
    return `the server answered the WebSocket upgrade of ${url} with ${status}${statusText ? ` ${statusText}` : ''} instead of 101 Switching Protocols`;
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const words = code !== undefined ? NETWORK_WORDS[code] : undefined;
  if (words !== undefined) return `could not connect to ${url}: ${words} (${code})`;
  return `could not open a WebSocket to ${url}: ${err?.message ?? 'the connection closed during the upgrade'}`;
}

/** An open session ended without the script closing it, in a way that is an error (k6: any code but 1000 and 1001). */
export function brokenSessionSentence(url: string, code: number, reason: string, err: Error | undefined): string {
  if (err !== undefined) return `the WebSocket session with ${url} broke: ${err.message}`;
  if (code === 1006) return `the server closed the connection of the WebSocket session with ${url} without a close frame (1006)`;
  return `the server closed the WebSocket session with ${url} with code ${code}${reason ? ` (${reason})` : ''}`;
}

/** True for a close the session ends normally with: 1000 (normal) and 1001 (going away), as k6 counts them. */
export function isNormalClose(code: number): boolean {
  return code === 1000 || code === 1001;
}
