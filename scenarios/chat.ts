/**
 * A chat session over WebSocket, k6-style: each VU joins the room (an echo of what it says) and
 * listens to the room's live feed (a broadcast every 200 ms) at the same time, says 5 things, then
 * leaves. The iteration returns without awaiting: it ends once both sockets have closed. A custom
 * Trend records how long a message takes to come back; thresholds gate the run on ws_* metrics.
 *   volley demo scenarios/chat.ts
 *   volley target & volley run scenarios/chat.ts
 */
import { Trend, env } from 'volley';
import { OPEN } from 'volley/ws';
import type { Iteration, Options } from 'volley';

const WS = env.WS_URL ?? 'ws://127.0.0.1:6180';
const LINES = 5;

export const options: Options = {
  vus: 10,
  duration: '2s',
  thresholds: {
    ws_connecting: ['p(95)<500'],
    'ws_sessions{status:101}': ['count>0'],
    'ws_sessions{status:0}': ['count==0'],
    ws_msgs_received: ['count>0'],
    message_round_trip: ['p(95)<200'],
    checks: ['rate>0.99'],
  },
};

const roundTrip = new Trend('message_round_trip', true);

export default function ({ ws, check, metrics, vu }: Iteration) {
  const room = ws.connect(`${WS}/ws/echo`, { tags: { name: 'room' } });
  const feed = ws.connect(`${WS}/ws/broadcast?every=200`, { tags: { name: 'feed' } });
  let said = 0;
  let heard = 0;

  const say = () => room.send(JSON.stringify({ from: vu.idInTest, line: ++said, at: performance.now() }));
  room.onopen = say;
  room.onmessage = (e) => {
    const line = JSON.parse(String(e.data)) as { from: number; at: number };
    check(line, { 'hears its own line': (l) => l.from === vu.idInTest });
    metrics.add(roundTrip, performance.now() - line.at);
    if (said < LINES) say();
    else {
      room.close();
      // Leave the feed too, once a few of its updates arrived (or now, if it never opened).
      if (heard >= 2 || feed.readyState !== OPEN) feed.close();
    }
  };
  feed.onmessage = (e) => {
    heard++;
    check(e, { 'feed sends numbered updates': (m) => typeof JSON.parse(String(m.data)).seq === 'number' });
    if (heard >= 2 && room.readyState !== OPEN) feed.close();
  };
  room.onerror = feed.onerror = (e) => console.warn(`vu ${vu.idInTest}: ${e.error}`);
}
