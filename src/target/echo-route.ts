/** `/echo`: answers with a JSON description of the request, for tests of what a client sent. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson } from './respond.js';

/** The largest request body `/echo` reads (10 MiB); larger ones get 413. */
export const MAX_ECHO_BODY = 10 * 1024 * 1024;

/** What `/echo` answers: `path` excludes the query string, `url` is the request target as sent. */
export interface EchoDocument {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Reads the request body and answers an EchoDocument (body decoded as UTF-8 text). A body over
 * MAX_ECHO_BODY is read to its end but discarded, then answered 413: answering while the client is
 * still sending would make it see a reset rather than the status.
 */
export function handleEcho(req: IncomingMessage, res: ServerResponse, path: string): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_ECHO_BODY) chunks.push(chunk);
    else chunks.length = 0;
  });
  req.on('end', () => {
    if (res.destroyed) return;
    if (size > MAX_ECHO_BODY) return sendError(res, 413, `request body over ${MAX_ECHO_BODY} bytes`, path);
    const doc: EchoDocument = {
      method: req.method ?? '',
      path,
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks, size).toString('utf8'),
    };
    sendJson(res, 200, doc);
  });
  // A client that resets mid-body aborts the request; there is no one left to answer.
  req.on('error', () => {});
}
