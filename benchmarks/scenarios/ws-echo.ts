// The ws benchmark's echo VU: sessions of MESSAGES round trips (the next message sent on each
// echo), each iteration one session; benchmarks/generators/ws-bare.mjs runs the same loop without
// volley. A session also ends once the scenario's duration is over, as the bare loop's does, so
// neither finishes sessions after the time is up. TARGET (the echo's ws:// URL) comes from -e.
import type { Iteration } from 'volley';

const MESSAGES = 1000;
const PAYLOAD = 'x'.repeat(64);

export default function ({ ws, env, scenario }: Iteration) {
  const socket = ws.connect(env.TARGET!);
  let n = 0;
  socket.onopen = () => socket.send(PAYLOAD);
  socket.onmessage = () => (++n === MESSAGES || scenario.progress >= 1 ? socket.close() : socket.send(PAYLOAD));
}
