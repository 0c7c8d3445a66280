/** A free TCP port on 127.0.0.1, found by binding port 0 and releasing it for the peer to take. */
import { createServer } from 'node:net';

/**
 * The port can be taken by someone else between this release and the peer's bind; callers that
 * start a server on it retry with a new port when the bind fails.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
