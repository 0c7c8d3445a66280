// The memory benchmark's idle VU: no connection, only a 1 s sleep per iteration, so the figure is a
// VU's own cost. `vus_ok` counts the VUs that started an iteration (see keepalive-sleep.ts).
import { Counter } from 'volley';
import type { Iteration } from 'volley';

const vusOk = new Counter('vus_ok');

export default async function ({ sleep, vu, metrics }: Iteration) {
  if (vu.iterationInScenario === 0) metrics.add(vusOk, 1);
  await sleep(1);
}
