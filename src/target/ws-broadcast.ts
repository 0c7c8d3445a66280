/**
 * `/ws/broadcast?every=MS`: a live feed. Each session gets a message every MS milliseconds (1000
 * without `every`), `{"seq":N,"sentAt":UNIX_MS}` with N counting from 1, until the client closes.
 * Incoming messages are ignored. The target never closes the session itself.
 */
import type { WebSocket } from 'ws';

const DEFAULT_EVERY_MS = 1000;
/** 1 ms is the timers' resolution; a day is far beyond any demo's need. */
const MAX_EVERY_MS = 86_400_000;

/** The `every` of an upgrade's request target, in ms; or the sentence saying what is wrong with it. */
export function broadcastEvery(target: string): number | string {
  const q = target.indexOf('?');
  const raw = q === -1 ? null : new URLSearchParams(target.slice(q + 1)).get('every');
  if (raw === null) return DEFAULT_EVERY_MS;
  const ms = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(ms >= 1 && ms <= MAX_EVERY_MS)) return `every must be a whole number of milliseconds from 1 to ${MAX_EVERY_MS} (got ${JSON.stringify(raw)})\n`;
  return ms;
}

/** Sends `ws` a message every `everyMs` until it closes. */
export function startBroadcast(ws: WebSocket, everyMs: number): void {
  let seq = 0;
  const timer = setInterval(() => {
    seq++;
    ws.send(`{"seq":${seq},"sentAt":${Date.now()}}`);
  }, everyMs);
  ws.on('close', () => clearInterval(timer));
}
