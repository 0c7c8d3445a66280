/**
 * Fault responses written straight to the socket, because they are not valid HTTP or end in a way
 * node:http would not produce: a reset mid-headers or mid-body, bytes that are not HTTP, a body
 * shorter than its Content-Length. Each ends the connection.
 */
import type { Socket } from 'node:net';

/**
 * How long a reset waits after the partial response. A TCP reset makes the client's kernel discard
 * what the client has not read yet, so the partial response must have been read first: otherwise the
 * client would see a request that failed before any byte of its answer (and may rightly retry it).
 */
export const RESET_AFTER_MS = 100;

const PARTIAL_HEADERS = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nx-fault: reset-hea';
const PARTIAL_BODY = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\n0123456789';
const GARBAGE = 'this is not HTTP\r\n\r\n';

/** Sends part of a status line and headers, then resets the connection. */
export function resetMidHeaders(socket: Socket): void {
  resetAfter(socket, PARTIAL_HEADERS);
}

/** Sends complete headers (a 100-byte body declared) and 10 bytes of body, then resets the connection. */
export function resetMidBody(socket: Socket): void {
  resetAfter(socket, PARTIAL_BODY);
}

/** Answers with bytes that are not an HTTP response, then closes. */
export function sendGarbage(socket: Socket): void {
  socket.end(GARBAGE);
}

/** Declares a 100-byte body, sends 10 bytes of it, then closes (a FIN: the client sees the body end early). */
export function sendShortBody(socket: Socket): void {
  socket.end(PARTIAL_BODY);
}

function resetAfter(socket: Socket, partial: string): void {
  socket.write(partial);
  const timer = setTimeout(() => socket.resetAndDestroy(), RESET_AFTER_MS);
  socket.once('close', () => clearTimeout(timer));
}
