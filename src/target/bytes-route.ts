/** `/bytes/:n`: answers with exactly n bytes, for throughput and data_received tests. */
import type { ServerResponse } from 'node:http';
import { parseBoundedInt } from './request-path.js';
import { sendError } from './respond.js';

/** The largest body `/bytes/:n` serves (10 MiB). */
export const MAX_BYTES = 10 * 1024 * 1024;

// One shared, lazily built buffer: each response is a view into it, so no request copies or allocates
// its body. Kept for the life of the process once any /bytes request arrives.
let pool: Buffer | undefined;

function bytesPool(): Buffer {
  pool ??= Buffer.alloc(MAX_BYTES, 'abcdefghijklmnopqrstuvwxyz0123456789');
  return pool;
}

/** Answers with `param` bytes of application/octet-stream; 400 if `param` is not 0..MAX_BYTES. */
export function handleBytes(res: ServerResponse, param: string, path: string): void {
  const n = parseBoundedInt(param, MAX_BYTES);
  if (n === undefined) return sendError(res, 400, `n must be an integer from 0 to ${MAX_BYTES}`, path);
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
  res.end(bytesPool().subarray(0, n));
}
