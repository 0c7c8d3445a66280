/**
 * The control API's HTTP server (node:http, no framework): `GET /v1/status` and `PATCH /v1/status`
 * with k6's JSON:API documents. It only translates between HTTP and a ControlTarget; refusals are
 * 400s with k6's error document, never a stack trace.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../errors.js';
import { urlHost } from '../target/listen.js';
import { ControlRejected, type ControlTarget } from './control-target.js';
import { errorDocument, parseStatusPatch, statusDocument } from './status-document.js';

/** Bodies past this are refused: a status patch is a few dozen bytes. */
const MAX_BODY_BYTES = 64 * 1024;

export interface ControlServer {
  /** `http://HOST:PORT`, with the port actually bound. */
  readonly url: string;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

/** Listens on host:port (0 = a free port); a bind failure is a ConfigError on `--address` (exit 104). */
export async function openControlServer(host: string, port: number, target: ControlTarget): Promise<ControlServer> {
  const server = createServer((req, res) => void route(req, res, target));
  const address = await bind(server, host, port);
  return {
    url: `http://${urlHost(address)}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, target: ControlTarget): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  try {
    if (path !== '/v1/status') return reply(res, 404, errorDocument(404, 'Not found', `no route ${path}; the control API serves GET and PATCH /v1/status`));
    if (req.method === 'GET') return reply(res, 200, statusDocument(target.status()));
    if (req.method === 'PATCH') {
      await target.apply(parseStatusPatch(await readJson(req)));
      return reply(res, 200, statusDocument(target.status()));
    }
    res.setHeader('Allow', 'GET, PATCH');
    return reply(res, 405, errorDocument(405, 'Method not allowed', `${req.method} ${path}; use GET or PATCH`));
  } catch (err) {
    if (err instanceof ControlRejected) return reply(res, 400, errorDocument(400, err.title, err.message));
    return reply(res, 500, errorDocument(500, 'Internal error', err instanceof Error ? err.message : String(err)));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ControlRejected("Couldn't read request", `the body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw new ControlRejected('Invalid data', `the body is not JSON: ${(err as Error).message}`);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function bind(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : `cannot be listened on (${err.code ?? err.message})`;
      reject(new ConfigError([{ path: '--address', message: `${host}:${port} ${why}` }], 'pass --address HOST:PORT with a free port, or 127.0.0.1:0 to pick one'));
    });
    server.listen({ host, port }, () => resolve(server.address() as AddressInfo));
  });
}
