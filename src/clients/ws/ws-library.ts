/**
 * The `ws` package, loaded on a thread's first `ws.connect` rather than with the thread: at its top
 * level it loads Node's https, tls and crypto, which a load thread otherwise never loads (the cost,
 * ≈ 10 ms and 0.8 MB per thread, that the bundle's h2 stub saves for undici; bin/build-bundles.mjs),
 * and a run without WebSockets needs none of it. The bundler puts it in a chunk of its own.
 */
import type { WebSocket } from 'ws';

export type WebSocketClass = typeof WebSocket;

let loaded: WebSocketClass | undefined;
let loading: Promise<WebSocketClass> | undefined;

/** The class, once loadWebSocket() has resolved on this thread. */
export function loadedWebSocket(): WebSocketClass | undefined {
  return loaded;
}

/** Loads the class (once per thread). */
export function loadWebSocket(): Promise<WebSocketClass> {
  return (loading ??= import('ws').then((m) => {
    // Node's own import gives ws's ESM wrapper (a named export); a bundled CommonJS module, its exports as `default` too.
    const ns = m as unknown as { WebSocket?: WebSocketClass; default?: WebSocketClass };
    return (loaded = ns.WebSocket ?? ns.default!);
  }));
}
