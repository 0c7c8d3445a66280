/**
 * Bad input and broken sessions (issue 15): each is an `error` event with a sentence, a rejection
 * of `closed` for a script that awaits it, and a session counted with its status; nothing throws
 * but the script's own mistakes (a send before open, bad params).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorEvent, WebSocket } from '../../../src/api/ws.js';
import { next, wsUnderTest } from './ws-under-test.js';
import { startPlainServer, type PlainServer } from './plain-server.js';
import { refusedPort } from '../../support/refused-port.js';

let server: PlainServer;
beforeAll(async () => (server = await startPlainServer()));
afterAll(() => server.close());

/** The socket's error event and the rejection of its `closed`, once it has closed. */
async function failureOf(socket: WebSocket): Promise<{ event: ErrorEvent; rejection: Error; code: number }> {
  const event = next<ErrorEvent>(socket, 'error');
  const close = next<{ code: number }>(socket, 'close');
  const rejection = await socket.closed.then(
    () => new Error('closed resolved'),
    (err: Error) => err,
  );
  return { event: await event, rejection, code: (await close).code };
}

describe('a session that fails', () => {
  it('to an http:// URL: an error naming the ws:// URL to write, counted with status 0', async () => {
    const { ws, sink } = wsUnderTest();
    const { event, rejection, code } = await failureOf(ws.connect('http://127.0.0.1:1/chat'));
    expect(event.error).toBe('ws.connect() needs a ws:// or wss:// URL (got "http://127.0.0.1:1/chat"): write ws://127.0.0.1:1/chat');
    expect(rejection.name).toBe('WebSocketError');
    expect(rejection.message).toBe(event.error);
    expect(code).toBe(1006);
    expect(sink.one('ws_sessions').tags).toMatchObject({ status: '0', name: 'http://127.0.0.1:1/chat' });
    expect(ws.busy()).toBe(false);
  });

  it('refused: an error saying so, counted with status 0 and its connecting time', async () => {
    const { ws, sink } = wsUnderTest();
    const url = `ws://127.0.0.1:${await refusedPort()}/`;
    const { event, rejection } = await failureOf(ws.connect(url));
    expect(event.error).toBe(`could not connect to ${url}: connection refused (ECONNREFUSED)`);
    expect(rejection.message).toBe(event.error);
    expect(sink.one('ws_sessions').tags.status).toBe('0');
    expect(sink.one('ws_connecting').tags.status).toBe('0');
  });

  it('whose upgrade the server answers 404: an error naming the status, counted with status 404', async () => {
    const { ws, sink } = wsUnderTest();
    const url = `${server.origin}/nowhere`;
    const { event } = await failureOf(ws.connect(url));
    expect(event.error).toBe(`the server answered the WebSocket upgrade of ${url} with 404 Not Found instead of 101 Switching Protocols`);
    expect(sink.one('ws_sessions').tags.status).toBe('404');
    expect(sink.of('ws_session_duration')).toHaveLength(0);
  });

  it('when the server drops the connection mid-session: an error (1006), the session counted and its duration recorded', async () => {
    const { ws, sink } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/drop`);
    socket.onopen = () => socket.send('bye');
    const { event, rejection, code } = await failureOf(socket);
    expect(event.error).toMatch(/^the server closed the connection of the WebSocket session with ws:\/\/127\.0\.0\.1:\d+\/drop without a close frame \(1006\)$/);
    expect(rejection.message).toBe(event.error);
    expect(code).toBe(1006);
    expect(sink.one('ws_sessions').tags.status).toBe('101');
    expect(sink.of('ws_session_duration')).toHaveLength(1);
  });

  it('when the server closes with an error code (as k6: any but 1000 and 1001), not when it closes normally', async () => {
    const { ws } = wsUnderTest();
    const broken = ws.connect(`${server.origin}/close/4001`);
    broken.onopen = () => broken.send('x');
    expect((await failureOf(broken)).event.error).toMatch(/closed the WebSocket session with .* with code 4001 \(bye\)$/);
    const normal = ws.connect(`${server.origin}/close/1000`);
    const errors: unknown[] = [];
    normal.onerror = (e) => errors.push(e);
    normal.onopen = () => normal.send('x');
    expect((await normal.closed).code).toBe(1000);
    expect(errors).toEqual([]);
  });
});

describe('a script mistake', () => {
  it('send() or ping() before open throws InvalidStateError with a sentence; the session goes on', async () => {
    const { ws } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`);
    expect(() => socket.send('early')).toThrow('send() while the WebSocket is CONNECTING: call it from onopen, or once readyState is OPEN');
    expect(() => socket.ping()).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
    await next(socket, 'open');
    socket.close();
    await socket.closed;
    expect(() => socket.send('late')).toThrow(/while the WebSocket is CLOSED/);
  });

  it.each([
    [{ timeout: 5 }, /unknown ws.connect\(\) param "timeout"; known: headers, tags, subprotocols, compression/],
    [{ compression: 'gzip' }, /compression must be 'deflate'/],
    [{ subprotocols: 7 }, /subprotocols must be a subprotocol name or an array of distinct ones/],
    [{ headers: ['x'] }, /params.headers must be an object of strings \(got an array\)/],
    [{ headers: { 'X-A': 'v\r\nInjected: 1' } }, /params.headers.X-A holds a line break/],
    [{ subprotocols: ['chat v1'] }, /subprotocols must be a subprotocol name or an array of distinct ones/],
    ['tags', /params must be an object/],
  ])('bad params %j throw at the call', (params, message) => {
    const { ws } = wsUnderTest();
    expect(() => ws.connect(`${server.origin}/echo`, params as never)).toThrow(message);
    expect(ws.busy()).toBe(false);
  });

  it('close() with a reserved code or a long reason throws, as in k6 and browsers', async () => {
    const { ws } = wsUnderTest();
    const socket = ws.connect(`${server.origin}/echo`);
    expect(() => socket.close(1006)).toThrow('close() takes code 1000 or one from 3000 to 4999 (got 1006)');
    expect(() => socket.close(1000, 'x'.repeat(124))).toThrow(/at most 123 bytes/);
    expect(() => socket.addEventListener('mesage' as 'message', () => {})).toThrow(/unknown WebSocket event "mesage"/);
    socket.close();
    await socket.closed;
  });
});
