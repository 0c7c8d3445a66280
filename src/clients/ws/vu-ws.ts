/**
 * The `ws` object of one VU: opens its sessions and keeps the set still open, which is what keeps
 * the VU's iteration running (ProtocolClient.busy: as k6's event loop, an iteration ends once every
 * socket it opened has closed). An interrupt of the VU (gracefulStop ran out, a ramp-down, ^C)
 * detaches every open socket: each closes and records its session; closing the client waits for
 * that.
 */
import type { WebSocket, Ws, WsParams } from '../../api/ws.js';
import type { ClientContext, ProtocolClient } from '../types.js';
import { SessionMetrics } from './session-metrics.js';
import { VuSocket, type SocketOwner } from './socket.js';
import type { WsDefaults } from './ws-defaults.js';
import { WsInterruptedError } from './ws-errors.js';
import { planSession } from './ws-params.js';

export class VuWs implements Ws, ProtocolClient, SocketOwner {
  readonly ctx: ClientContext;
  readonly defaults: WsDefaults;
  readonly metrics: SessionMetrics;
  readonly #open = new Set<VuSocket>();
  #idle: (() => void)[] = [];

  constructor(ctx: ClientContext, defaults: WsDefaults) {
    this.ctx = ctx;
    this.defaults = defaults;
    this.metrics = SessionMetrics.of(ctx.sink);
    ctx.interrupts.onInterrupt(this.#onInterrupt);
  }

  connect(url: string | URL, params?: WsParams): WebSocket {
    const text = typeof url === 'string' ? url : String(url);
    if (this.ctx.interrupts.retired) throw new WsInterruptedError(`ws.connect(${text})`);
    // Params are checked before anything is opened: a mistake throws here, in the script's own stack.
    const socket = new VuSocket(this, text, planSession(params));
    this.#open.add(socket);
    return socket;
  }

  ended(socket: VuSocket): void {
    this.#open.delete(socket);
    if (this.#open.size === 0 && this.#idle.length > 0) for (const wake of this.#idle.splice(0)) wake();
  }

  busy(): boolean {
    return this.#open.size > 0;
  }

  idle(): Promise<void> {
    return this.#open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Closes every open session (recorded as they end) and waits until they have. */
  async close(): Promise<void> {
    this.#onInterrupt();
    this.ctx.interrupts.offInterrupt(this.#onInterrupt);
    await this.idle();
  }

  readonly #onInterrupt = (): void => {
    for (const socket of this.#open) socket.detach();
  };
}
