/** Builds a VU's ws client the way a worker does, with a recording sink and a controllable interrupt. */
import { wsClient } from '../../../src/clients/ws/index.js';
import type { WsDefaults } from '../../../src/clients/ws/ws-defaults.js';
import type { ClientContext, ProtocolClient } from '../../../src/clients/types.js';
import type { Ws, WebSocket } from '../../../src/api/ws.js';
import { IterationSignal } from '../../../src/worker/iteration-signal.js';
import { TagSet } from '../../../src/metrics/tags.js';
import { RecordingSink } from '../http/recording-sink.js';

export const DEFAULTS: WsDefaults = { userAgent: 'volley/0.1.0 (test)', insecureSkipTLSVerify: false, handshakeTimeoutMs: 5_000 };

/** What a test gets: the client, its sink, the VU's interrupts and its tags. */
export interface WsUnderTest {
  readonly ws: Ws & ProtocolClient;
  readonly sink: RecordingSink;
  readonly signal: IterationSignal;
  readonly tags: { current: TagSet };
}

/** A fresh VU client; close it at the end of the test. */
export function wsUnderTest(defaults: Partial<WsDefaults> = {}): WsUnderTest {
  const sink = new RecordingSink();
  const signal = new IterationSignal();
  const tags = { current: TagSet.of({ scenario: 'default', group: '' }) };
  const ctx: ClientContext = { sink, tags, interrupts: signal, now: () => performance.now() };
  return { ws: wsClient.create(ctx, { ...DEFAULTS, ...defaults }), sink, signal, tags };
}

/** Resolves with the next event of `type`. */
export function next<T = unknown>(socket: WebSocket, type: 'open' | 'message' | 'error' | 'close' | 'ping' | 'pong'): Promise<T> {
  return new Promise((resolve) => {
    const once = (event: unknown) => {
      socket.removeEventListener(type, once);
      resolve(event as T);
    };
    socket.addEventListener(type, once);
  });
}
