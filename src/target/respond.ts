/**
 * How the target's routes write complete responses: always with a content-length, so keep-alive
 * clients never wait for a chunked terminator or a close.
 */
import type { ServerResponse } from 'node:http';

/** Writes a complete response with `body` of `contentType`. */
export function sendBody(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Writes `value` as a JSON response. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, 'application/json', JSON.stringify(value));
}

/** Writes a JSON error `{ error, path }` with `status`. */
export function sendError(res: ServerResponse, status: number, error: string, path?: string): void {
  sendJson(res, status, path === undefined ? { error } : { error, path });
}
