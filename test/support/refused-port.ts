/** A port that refuses connections, for tests of connection errors (ECONNREFUSED). */
import { createServer } from 'node:net';

/**
 * A 127.0.0.1 port on which nothing listens: the OS picks a free one, which is then released.
 * Another process could claim it in between, but the OS hands out ports round-robin, so not soon.
 */
export function refusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('the OS returned no port'));
      });
    });
  });
}
