#!/usr/bin/env node
/**
 * The bare `ws` client loop the ws benchmark compares volley with: CONNECTIONS sockets, each
 * connecting, sending MESSAGES messages one after the other (the next on each echo), closing, and
 * starting again, for DURATION_S seconds, in one thread. The same loop as
 * benchmarks/scenarios/ws-echo.ts, without volley around it. Prints `{"messages":N,"seconds":S}`.
 *
 *   node benchmarks/generators/ws-bare.mjs ws://127.0.0.1:PORT/ws/echo CONNECTIONS DURATION_S MESSAGES
 */
import WebSocket from 'ws';

const [url, connections, durationS, messages] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const PAYLOAD = 'x'.repeat(64);

let received = 0;
let stopping = false;
const started = performance.now();

/** One connection's loop: sessions of `messages` round trips until the time is up. */
async function loop() {
  while (!stopping) {
    await new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      let n = 0;
      ws.on('open', () => ws.send(PAYLOAD));
      ws.on('message', () => {
        received++;
        if (++n === messages || stopping) ws.close();
        else ws.send(PAYLOAD);
      });
      ws.on('close', resolve);
      ws.on('error', reject);
    });
  }
}

setTimeout(() => (stopping = true), durationS * 1000);
await Promise.all(Array.from({ length: connections }, loop));
console.log(JSON.stringify({ messages: received, seconds: (performance.now() - started) / 1000 }));
