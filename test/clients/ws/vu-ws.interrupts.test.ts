/**
 * An interrupted VU (gracefulStop ran out, a ramp-down, ^C) closes what it still has open: each
 * session ends with 1001 and is recorded, and nothing more reaches the script.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { next, wsUnderTest } from './ws-under-test.js';
import { startPlainServer, type PlainServer } from './plain-server.js';

let server: PlainServer;
beforeAll(async () => (server = await startPlainServer()));
afterAll(() => server.close());

it('an interrupted iteration closes its open session (1001), records it, and fires nothing more', async () => {
  const { ws, sink, signal } = wsUnderTest();
  const socket = ws.connect(`${server.origin}/echo`);
  const events: string[] = [];
  await next(socket, 'open');
  socket.onclose = () => events.push('close');
  socket.onerror = () => events.push('error');
  signal.abortIteration();
  expect(socket.readyState).toBe(socket.CLOSING);
  // Rejected, so the abandoned iteration's own code stops there (as an interrupted request's does).
  await expect(socket.closed).rejects.toThrow(/^the WebSocket session with ws:\/\/.*\/echo interrupted: the VU was stopped$/);
  await vi.waitFor(() => expect(server.closeCodes.at(-1)).toBe(1001));
  expect(events).toEqual([]);
  expect(sink.one('ws_sessions').tags.status).toBe('101');
  expect(sink.of('ws_session_duration')).toHaveLength(1);
  expect(ws.busy()).toBe(false);
  // The VU goes on: its next iteration connects as usual.
  const again = ws.connect(`${server.origin}/echo`);
  await next(again, 'open');
  again.close();
  await again.closed;
});

it('a connect still in progress at the interrupt is dropped without a sample, as k6 drops it', async () => {
  const { ws, sink, signal } = wsUnderTest();
  const socket = ws.connect(`${server.origin}/echo`);
  signal.abortIteration();
  await expect(socket.closed).rejects.toThrow(/interrupted/);
  expect(sink.of('ws_sessions')).toEqual([]);
  expect(ws.busy()).toBe(false);
});

it('a retired VU cannot connect', () => {
  const { ws, signal } = wsUnderTest();
  signal.retire();
  expect(() => ws.connect(`${server.origin}/echo`)).toThrow(/interrupted: the VU was stopped/);
});
