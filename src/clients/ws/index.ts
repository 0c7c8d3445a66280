/** The WebSocket protocol: `wsClient` is its registry entry (the context's `ws`, k6's `k6/websockets`). */
import type { Ws } from '../../api/ws.js';
import type { ClientFactory } from '../types.js';
import { VuWs } from './vu-ws.js';
import { wsDefaultsOf, type WsDefaults } from './ws-defaults.js';

/**
 * `ctx.ws`: one per VU. No traced API: an open socket is not an un-awaited call (a k6 script opens
 * one, sets handlers and returns), and the iteration waits for it anyway.
 */
export const wsClient: ClientFactory<'ws', Ws, WsDefaults> = {
  name: 'ws',
  defaults: wsDefaultsOf,
  create: (ctx, defaults) => new VuWs(ctx, defaults),
};

export { WebSocketError, WsInterruptedError, WsParamsError, WsStateError } from './ws-errors.js';
