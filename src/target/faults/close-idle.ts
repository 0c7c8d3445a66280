/**
 * `/faults/close-idle`: a server that closes a keep-alive connection after answering on it, without
 * saying so (no `Connection: close`). A client that reuses the connection sends its next request into
 * a connection the server no longer serves, the race every client meets behind proxies and servers
 * with short keep-alive timeouts. Here it happens every time: the connection is closed when the next
 * request arrives, without serving or counting that request, as if the server's idle timeout had
 * expired just before it came.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { sendBody } from '../respond.js';

/** The connections close-idle has answered on, which serve no further request. */
export class ClosingConnections {
  readonly #closing = new WeakSet<Socket>();

  /** Answers 200 (keep-alive, as HTTP/1.1 defaults to) and marks the connection as closed to further requests. */
  answer(req: IncomingMessage, res: ServerResponse): void {
    this.#closing.add(req.socket);
    sendBody(res, 200, 'text/plain; charset=utf-8', 'answered; this connection serves nothing more\n');
  }

  /** True, and the connection closed, when `req` came on a connection close-idle answered on. */
  drops(req: IncomingMessage): boolean {
    if (!this.#closing.has(req.socket)) return false;
    req.socket.destroy();
    return true;
  }
}
