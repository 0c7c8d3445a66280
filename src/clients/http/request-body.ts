/**
 * Request bodies as undici takes them: strings and bytes pass through untouched (no copy), a plain
 * object or array becomes a JSON string (the plan adds `Content-Type: application/json`).
 */
import { HttpParamsError } from './http-errors.js';

/** What undici is handed as the body. */
export type Payload = string | Uint8Array | null;

/** True when `body` is sent as JSON (an object or array that is not bytes). */
export function isJsonBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !ArrayBuffer.isView(body) && !(body instanceof ArrayBuffer);
}

/** The bytes or text to send; throws HttpParamsError for what cannot be a body. */
export function encodeBody(body: unknown): Payload {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'object') return JSON.stringify(body);
  throw new HttpParamsError(`a request body must be a string, bytes or a plain object (got ${typeof body})`);
}
