/**
 * The target's constant answers, `/` and `/json`. Their bodies are built once: these are the routes
 * benchmarks hammer, and the target must stay cheaper than the client measuring it.
 */
import type { ServerResponse } from 'node:http';

const ROOT_BODY = Buffer.from('Hello from volley\n');
const ROOT_HEADERS = { 'content-type': 'text/plain; charset=utf-8', 'content-length': ROOT_BODY.length };

/** The document `/json` serves, exported so tests compare against the source of truth. */
export const JSON_DOCUMENT = {
  id: 1,
  name: 'volley',
  tags: ['load', 'test'],
  items: [
    { id: 1, price: 9.99 },
    { id: 2, price: 19.5 },
  ],
  active: true,
} as const;
const JSON_BODY = Buffer.from(JSON.stringify(JSON_DOCUMENT));
const JSON_HEADERS = { 'content-type': 'application/json', 'content-length': JSON_BODY.length };

/** `/`: a small fixed text body. */
export function sendRoot(res: ServerResponse): void {
  res.writeHead(200, ROOT_HEADERS);
  res.end(ROOT_BODY);
}

/** `/json`: a small fixed JSON document. */
export function sendJsonDocument(res: ServerResponse): void {
  res.writeHead(200, JSON_HEADERS);
  res.end(JSON_BODY);
}
