/**
 * The target's WebSocket routes, on the HTTP port through the server's `upgrade` event:
 * `/ws/echo` (and `/ws`, its older name) echoes every message back with its type (text stays text,
 * binary stays binary); `/ws/broadcast?every=MS` pushes a message every MS ms (ws-broadcast.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { broadcastEvery, startBroadcast } from './ws-broadcast.js';

/** The paths the WebSocket routes answer on. */
export const WS_ECHO_PATH = '/ws/echo';
export const WS_LEGACY_ECHO_PATH = '/ws';
export const WS_BROADCAST_PATH = '/ws/broadcast';

/** The largest message accepted (16 MiB); ws closes the session with 1009 above it. */
const MAX_PAYLOAD = 16 * 1024 * 1024;

/** Accepts the upgrades routed to it; `close()` terminates every open session. */
export interface WsEcho {
  /** True when `path` is one of the WebSocket routes. */
  serves(path: string): boolean;
  /** Takes over an upgrade to one of its paths (a bad `every` is answered 400). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, path: string): void;
  close(): void;
}

/** Creates the WebSocket routes; the caller routes upgrades to the paths `serves` accepts. */
export function createWsEcho(): WsEcho {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
  return {
    serves: (path) => path === WS_ECHO_PATH || path === WS_LEGACY_ECHO_PATH || path === WS_BROADCAST_PATH,
    handleUpgrade(req, socket, head, path): void {
      if (path !== WS_BROADCAST_PATH) return wss.handleUpgrade(req, socket, head, (ws) => echo(ws));
      const every = broadcastEvery(req.url ?? '');
      if (typeof every === 'string') {
        socket.end(`HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(every)}\r\n\r\n${every}`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => startBroadcast(quiet(ws), every));
    },
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function echo(ws: WebSocket): void {
  quiet(ws).on('message', (data, isBinary) => {
    ws.send(data, { binary: isBinary });
  });
}

/**
 * ws emits 'error' for protocol violations and then closes the session itself; without a listener
 * the error would be thrown and take the target down.
 */
function quiet(ws: WebSocket): WebSocket {
  return ws.on('error', () => {});
}
