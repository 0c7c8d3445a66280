/** Real servers on 127.0.0.1 port 0 for client tests: a node:http one and a raw TCP one. */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A listening server: its base URL, the sockets it accepted, and close(). */
export interface LocalServer {
  readonly url: string;
  readonly port: number;
  /** Every connection accepted so far (open or closed). */
  readonly sockets: Socket[];
  close(): Promise<void>;
}

/** What a request handler sees: the request with its body read. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/** A node:http server; `handle` answers each request after its body has been read. */
export async function startHttpServer(handle: (req: ReceivedRequest, res: ServerResponse) => void): Promise<LocalServer & { readonly received: ReceivedRequest[] }> {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(r);
      handle(r, res);
    });
  });
  return { ...(await listen(server)), received };
}

/** A TCP server that hands each connection to `onSocket` (garbage, resets, silence). */
export async function startRawServer(onSocket: (socket: Socket) => void): Promise<LocalServer> {
  return listen(createNetServer(onSocket));
}

async function listen(server: Server): Promise<LocalServer> {
  const sockets: Socket[] = [];
  server.on('connection', (s: Socket) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening on it (bound, then released). */
export async function refusedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
