/** A VU's WebSocket sessions against a plain `ws` server: events, messages, metrics and params. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloseEvent, MessageEvent } from '../../../src/api/ws.js';
import { next, wsUnderTest } from './ws-under-test.js';
import { startPlainServer, type PlainServer } from './plain-server.js';

let server: PlainServer;
beforeAll(async () => (server = await startPlainServer()));
afterAll(() => server.close());

describe('ws.connect', () => {
  it('opens, echoes, closes: events in order, ready states, and the session recorded with status 101', async () => {
    const { ws, sink } = wsUnderTest();
    const url = `${server.origin}/echo`;
    const socket = ws.connect(url);
    const seen: string[] = [];
    expect(socket.readyState).toBe(socket.CONNECTING);
    socket.onopen = () => {
      seen.push(`open ${socket.readyState}`);
      socket.send('a');
      socket.send('b');
    };
    socket.onmessage = (e) => {
      seen.push(`message ${String(e.data)}`);
      if (e.data === 'b') socket.close();
    };
    socket.onclose = (e) => seen.push(`close ${e.code} ${socket.readyState}`);
    const closed = await socket.closed;
    expect(seen).toEqual(['open 1', 'message a', 'message b', 'close 1000 3']);
    expect(closed).toMatchObject({ type: 'close', code: 1000, wasClean: true });
    expect(ws.busy()).toBe(false);
    const session = sink.one('ws_sessions');
    expect(session.tags).toMatchObject({ status: '101', name: url, url, scenario: 'default' });
    expect(sink.of('ws_connecting')).toHaveLength(1);
    expect(sink.sum('ws_msgs_sent')).toBe(2);
    expect(sink.sum('ws_msgs_received')).toBe(2);
    expect(sink.one('ws_session_duration').value).toBeGreaterThan(0);
    // Bytes of the connection, the upgrade's included, tagged as the VU (no name or status).
    expect(sink.sum('data_sent')).toBeGreaterThan(100);
    expect(sink.sum('data_received')).toBeGreaterThan(100);
    expect(sink.of('data_sent')[0]!.tags).not.toHaveProperty('status');
  });

  it('keeps the client busy while any of several sessions of the VU is open', async () => {
    const { ws } = wsUnderTest();
    const a = ws.connect(`${server.origin}/echo`);
    const b = ws.connect(`${server.origin}/echo`);
    await Promise.all([next(a, 'open'), next(b, 'open')]);
    a.close();
    await a.closed;
    expect(ws.busy()).toBe(true);
    const idle = ws.idle();
    b.close();
    await idle;
    expect(ws.busy()).toBe(false);
  });

  it('sends strings as text and ArrayBuffers, typed arrays and Blobs as binary; binaryType picks what arrives', async () => {
    const { ws } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`);
    await next(socket, 'open');
    expect(socket.binaryType).toBe('blob');
    socket.send(new Uint8Array([1, 2, 3]));
    const blob = (await next<MessageEvent>(socket, 'message')).data;
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (blob as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    socket.binaryType = 'arraybuffer';
    socket.send(new Uint8Array([4, 5]).buffer);
    const buffer = (await next<MessageEvent>(socket, 'message')).data;
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(buffer as ArrayBuffer)]).toEqual([4, 5]);
    socket.send(new Blob([new Uint8Array([6])]));
    expect([...new Uint8Array((await next<MessageEvent>(socket, 'message')).data as ArrayBuffer)]).toEqual([6]);
    socket.send('text');
    expect((await next<MessageEvent>(socket, 'message')).data).toBe('text');
    expect(() => (socket.binaryType = 'nodebuffer' as 'blob')).toThrow(/binaryType must be 'blob' or 'arraybuffer'/);
    socket.close();
    await socket.closed;
  });

  it('records ws_ping for the round trip of its ping, and fires onping for the server\'s', async () => {
    const { ws, sink } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/ping`);
    const serverPing = next(socket, 'ping');
    await next(socket, 'open');
    await serverPing;
    socket.ping();
    await next(socket, 'pong');
    expect(sink.one('ws_ping').value).toBeGreaterThanOrEqual(0);
    socket.close();
    await socket.closed;
  });

  it('sends the headers and User-Agent, offers the subprotocols and tags the session as asked', async () => {
    const { ws, sink } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`, { headers: { 'X-Trace': 't1' }, subprotocols: ['chat.v1', 'chat.v2'], tags: { name: 'chat', room: 'r1' } });
    await next(socket, 'open');
    expect(socket.protocol).toBe('chat.v2');
    socket.close();
    await socket.closed;
    const upgrade = server.upgrades.at(-1)!;
    expect(upgrade.headers['x-trace']).toBe('t1');
    expect(upgrade.headers['user-agent']).toBe('volley/0.1.0 (test)');
    expect(sink.one('ws_sessions').tags).toMatchObject({ name: 'chat', url: 'chat', room: 'r1', status: '101', subproto: 'chat.v2' });
  });

  it('calls listeners added with addEventListener after the on-handler, and not once removed', async () => {
    const { ws } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`);
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    socket.onmessage = () => calls.push('on');
    socket.addEventListener('message', () => calls.push('added'));
    socket.addEventListener('message', removed);
    socket.removeEventListener('message', removed);
    await next(socket, 'open');
    socket.send('x');
    await new Promise<void>((resolve) => socket.addEventListener('message', () => resolve()));
    expect(calls).toEqual(['on', 'added']);
    socket.close(4000, 'done');
    const event: CloseEvent = await socket.closed;
    expect(event.code).toBe(4000);
  });

  it('closes every open session when the client closes (the VU retires), counting them', async () => {
    const { ws, sink } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`);
    await next(socket, 'open');
    await ws.close();
    expect(socket.readyState).toBe(socket.CLOSED);
    expect(sink.of('ws_session_duration')).toHaveLength(1);
    await expect(socket.closed).rejects.toThrow(/interrupted: the VU was stopped/);
  });
});
