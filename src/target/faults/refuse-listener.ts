/**
 * The refusing port of `volley target --faults`: a listener that resets every connection as it is
 * accepted, before reading anything. A port with nothing on it would refuse outright, but it cannot
 * be held: another program may take it, and the target could not count what it refused.
 */
import { createServer, type Server } from 'node:net';
import { listen, urlHost } from '../listen.js';
import type { RequestStats } from '../request-stats.js';

/** A listening refuser: its URL, and close(). */
export interface RefuseListener {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on `host`, on a free port, and counts each connection it resets in `stats` as refused. */
export async function startRefuseListener(host: string, stats: RequestStats): Promise<RefuseListener> {
  // pauseOnConnect: not a byte is read from a connection this listener refuses.
  const server: Server = createServer({ pauseOnConnect: true }, (socket) => {
    stats.countRefused();
    socket.on('error', () => {});
    socket.resetAndDestroy();
  });
  const address = await listen(server, host, 0);
  server.on('error', () => {});
  return {
    url: `http://${urlHost(address)}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
