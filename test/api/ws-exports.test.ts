/**
 * `volley/ws` is a package entry point with its types: the ready-state constants resolve through
 * package.json `exports` (as a scenario's import does after `npm i volley`), and the context's `ws`
 * is typed as the registry's WebSocket client.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CLOSED, CONNECTING, OPEN, ReadyState } from 'volley/ws';
import type { CloseEvent, MessageEvent, WebSocket, Ws } from 'volley/ws';
import type { Iteration, SetupContext } from 'volley';

describe('volley/ws', () => {
  it('exports the ready states under their browser values', () => {
    expect([CONNECTING, OPEN, CLOSED]).toEqual([0, 1, 3]);
    expect(ReadyState).toEqual({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  });

  it('types the context’s ws, its sockets and their events', () => {
    expectTypeOf<Iteration['ws']>().toEqualTypeOf<Ws>();
    expectTypeOf<SetupContext['ws']>().toEqualTypeOf<Ws>();
    expectTypeOf<ReturnType<Ws['connect']>>().toEqualTypeOf<WebSocket>();
    expectTypeOf<WebSocket['closed']>().toEqualTypeOf<Promise<CloseEvent>>();
    expectTypeOf<Parameters<NonNullable<WebSocket['onmessage']>>[0]>().toEqualTypeOf<MessageEvent>();
  });
});
