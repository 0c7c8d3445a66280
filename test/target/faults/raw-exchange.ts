/** Sends one request over a raw TCP connection and reports the bytes that came back and how the connection ended. */
import { connect, type Socket } from 'node:net';

/** What the server sent, and how the connection ended: closed (FIN), reset, or still open after `waitMs`. */
export interface RawResult {
  readonly data: string;
  readonly ended: 'closed' | 'reset' | 'open';
}

/** Writes `requests` (each a raw HTTP request) on one connection to `origin`; waits up to `waitMs` for it to end. */
export function rawExchange(origin: string, requests: readonly string[], waitMs = 2000): Promise<RawResult> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname);
    let data = '';
    let reset = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ data, ended: 'open' });
    }, waitMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => (reset = err.code === 'ECONNRESET'));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, ended: reset ? 'reset' : 'closed' });
    });
    socket.write(requests.join(''));
  });
}

/** A GET of `path`, as raw bytes; `close` asks the server to close the connection after answering. */
export function rawGet(path: string, close = false): string {
  return `GET ${path} HTTP/1.1\r\nhost: test\r\n${close ? 'connection: close\r\n' : ''}\r\n`;
}
