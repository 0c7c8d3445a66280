/**
 * A thread's first connects wait for the `ws` package to load (ws-library.ts: it is not loaded with
 * the thread). A socket closed in that moment ends without a sample; the others connect as usual.
 * Its own file: the package loads once per module graph, and here nothing has loaded it yet.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadedWebSocket } from '../../../src/clients/ws/ws-library.js';
import { next, wsUnderTest } from './ws-under-test.js';
import { startPlainServer, type PlainServer } from './plain-server.js';

let server: PlainServer;
beforeAll(async () => (server = await startPlainServer()));
afterAll(() => server.close());

it('connects once ws has loaded; a socket closed before that ends without a sample', async () => {
  expect(loadedWebSocket()).toBeUndefined();
  const { ws, sink } = wsUnderTest();
  const dropped = ws.connect(`${server.origin}/echo`);
  const kept = ws.connect(`${server.origin}/echo`, { tags: { name: 'kept' } });
  dropped.close();
  expect(dropped.readyState).toBe(dropped.CLOSING);
  expect((await dropped.closed).code).toBe(1006);
  await next(kept, 'open');
  kept.close();
  await kept.closed;
  expect(loadedWebSocket()).toBeDefined();
  expect(sink.of('ws_sessions').map((s) => s.tags.name)).toEqual(['kept']);
});
