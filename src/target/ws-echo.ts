/**
 * The target's WebSocket side: `/ws` echoes every message back with its type (text stays text,
 * binary stays binary). It shares the HTTP port through the server's `upgrade` event.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** The path the echo endpoint answers on. */
export const WS_ECHO_PATH = '/ws';

/** The largest message accepted (16 MiB); ws closes the session with 1009 above it. */
const MAX_PAYLOAD = 16 * 1024 * 1024;

/** Accepts upgrades handed to it and echoes; `close()` terminates every open session. */
export interface WsEcho {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/** Creates the echo endpoint; the caller routes `/ws` upgrades to it. */
export function createWsEcho(): WsEcho {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
  return {
    handleUpgrade(req, socket, head): void {
      wss.handleUpgrade(req, socket, head, (ws) => echo(ws));
    },
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function echo(ws: WebSocket): void {
  ws.on('message', (data, isBinary) => {
    ws.send(data, { binary: isBinary });
  });
  // ws emits 'error' for protocol violations and then closes the session itself; without a
  // listener the error would be thrown and take the target down.
  ws.on('error', () => {});
}
