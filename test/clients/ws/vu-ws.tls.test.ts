/** wss:// follows the run's TLS options as HTTP does: a self-signed certificate fails, unless insecureSkipTLSVerify. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { ErrorEvent } from '../../../src/api/ws.js';
import { next, wsUnderTest } from './ws-under-test.js';

const fixtures = new URL('../http/fixtures/', import.meta.url);
const server = createServer({ key: readFileSync(new URL('self-signed.key', fixtures)), cert: readFileSync(new URL('self-signed.crt', fixtures)) });
new WebSocketServer({ server }).on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `wss://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it('refuses a self-signed certificate: an error event, counted with status 0', async () => {
  const { ws, sink } = wsUnderTest();
  const socket = ws.connect(url);
  const error = await next<ErrorEvent>(socket, 'error');
  expect(error.error).toMatch(new RegExp(`^could not open a WebSocket to ${url}: .*self[- ]signed`));
  await expect(socket.closed).rejects.toThrow(error.error);
  expect(sink.one('ws_sessions').tags.status).toBe('0');
});

it("accepts it with k6's insecureSkipTLSVerify", async () => {
  const { ws } = wsUnderTest({ insecureSkipTLSVerify: true });
  const socket = ws.connect(url);
  await next(socket, 'open');
  socket.send('over tls');
  expect((await next<{ data: string }>(socket, 'message')).data).toBe('over tls');
  socket.close();
  await socket.closed;
});
