/**
 * The HTTP/WebSocket half of the embedded target: one `node:http` server serving the routes of
 * router.ts and, on the same port, the WebSocket routes of ws-echo.ts.
 */
import { createServer, type Server } from 'node:http';
import { FaultRoutes } from './faults/fault-routes.js';
import { startRefuseListener, type RefuseListener } from './faults/refuse-listener.js';
import { listen, urlHost } from './listen.js';
import { requestPath } from './request-path.js';
import { RequestStats } from './request-stats.js';
import { createRequestHandler } from './router.js';
import { createWsEcho, type WsEcho } from './ws-echo.js';
import { CapacityModel, type CapacitySettings } from './capacity-model.js';

/** A running HTTP/WebSocket server and its request counts; `refuseUrl` with faults on. */
export interface HttpTarget {
  httpUrl: string;
  /** The WebSocket origin, as `ws://127.0.0.1:6180`: routes are paths on it, as on httpUrl. */
  wsUrl: string;
  refuseUrl?: string;
  close(): Promise<void>;
  stats(): Record<string, number>;
}

/**
 * Starts the HTTP/WebSocket server on `host:port` (0 = a free port); `faults` adds the fault routes
 * and the refusing port; a `capacity` model serves the routes through its servers.
 */
export async function startHttpTarget(host: string, port: number, faults = false, capacity?: CapacitySettings): Promise<HttpTarget> {
  const stats = new RequestStats(faults);
  const ws = createWsEcho();
  const server = createHttpServer(stats, ws, faults ? new FaultRoutes(stats) : null, capacity && new CapacityModel(capacity));
  const address = await listen(server, host, port);
  // After binding, the only 'error' a server emits is a failed accept (EMFILE under load): that
  // costs one connection, and must not become an uncaught exception that stops the target.
  server.on('error', () => {});
  let refuse: RefuseListener | undefined;
  try {
    if (faults) refuse = await startRefuseListener(host, stats);
  } catch (err) {
    await closeServer(server, ws);
    throw err;
  }
  const origin = `${urlHost(address)}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    httpUrl: `http://${origin}`,
    wsUrl: `ws://${origin}`,
    ...(refuse && { refuseUrl: refuse.url }),
    close: () => (closing ??= Promise.all([closeServer(server, ws), refuse?.close()]).then(() => undefined)),
    stats: () => stats.snapshot(),
  };
}

function createHttpServer(stats: RequestStats, ws: WsEcho, faults: FaultRoutes | null, model: CapacityModel | undefined): Server {
  const server = createServer({ noDelay: true, requireHostHeader: false }, createRequestHandler(stats, faults, model));
  // Load generators keep connections for a whole run: never close an idle one before the client
  // does (65 s outlasts the usual 60 s client pools), and never cap requests per connection.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 300_000;
  server.maxRequestsPerSocket = 0;
  server.on('upgrade', (req, socket, head: Buffer) => {
    // Node hands an upgraded socket over without an error listener; a reset would otherwise throw.
    socket.on('error', () => {});
    const path = requestPath(req.url);
    if (path === undefined || !ws.serves(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    stats.count(path);
    ws.handleUpgrade(req, socket, head, path);
  });
  return server;
}

function closeServer(server: Server, ws: WsEcho): Promise<void> {
  return new Promise((resolve) => {
    ws.close();
    server.close(() => resolve());
    // Keep-alive connections (and delays in flight) would hold close() for up to keepAliveTimeout.
    server.closeAllConnections();
  });
}
