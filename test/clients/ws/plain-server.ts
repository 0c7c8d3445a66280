/**
 * A plain `ws` server on 127.0.0.1:0 whose behaviour a test picks per path: `/echo` echoes,
 * `/drop` cuts the TCP connection after the first message (no close frame), `/close/CODE` closes
 * with CODE after the first message, `/ping` pings the client once open; any other path answers
 * the upgrade 404. It keeps the upgrade requests it saw.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface PlainServer {
  /** ws://127.0.0.1:PORT */
  readonly origin: string;
  /** The upgrade requests received, in order. */
  readonly upgrades: IncomingMessage[];
  /** The close codes clients sent, in order. */
  readonly closeCodes: number[];
  close(): Promise<void>;
}

export async function startPlainServer(): Promise<PlainServer> {
  const upgrades: IncomingMessage[] = [];
  const closeCodes: number[] = [];
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('chat.v2') ? 'chat.v2' : false) });
  server.on('upgrade', (req, socket, head) => {
    upgrades.push(req);
    const path = req.url ?? '';
    if (!/^\/(echo|drop|ping|close\/\d+)$/.test(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('close', (code) => closeCodes.push(code));
      behave(ws, path);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upgrades,
    closeCodes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function behave(ws: WebSocket, path: string): void {
  ws.on('error', () => {});
  if (path === '/ping') ws.ping('srv');
  ws.on('message', (data, isBinary) => {
    if (path === '/drop') return ws.terminate();
    if (path.startsWith('/close/')) return ws.close(Number(path.slice(7)), 'bye');
    ws.send(data, { binary: isBinary });
  });
}
