/**
 * Binding a server and naming where it listens. Bind failures become ConfigErrors (exit 104): the
 * usual cause is a port in use or a host that is not local, both fixed by changing a flag.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:net';
import { ConfigError } from '../errors.js';

/** Listens on `host:port` and resolves the bound address; rejects with a ConfigError naming the fix. */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => reject(bindError(err, host, port));
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function bindError(err: NodeJS.ErrnoException, host: string, port: number): ConfigError {
  if (err.code === 'EADDRINUSE') {
    return new ConfigError([{ path: 'port', message: `${host}:${port} is already in use` }], 'choose another port, or 0 for a free one');
  }
  if (err.code === 'EACCES') {
    return new ConfigError([{ path: 'port', message: `not allowed to listen on ${host}:${port}` }], 'use a port above 1023, or 0 for a free one');
  }
  return new ConfigError(
    [{ path: 'host', message: `cannot listen on ${host}:${port}: ${err.code ?? err.message}` }],
    'use a local address such as 127.0.0.1, ::1 or localhost',
  );
}

/** The host part of a URL that reaches `address`: IPv6 in brackets, wildcard addresses as loopback. */
export function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return '127.0.0.1';
  if (address.address === '::') return '[::1]';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
