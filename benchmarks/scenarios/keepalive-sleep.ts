// The memory benchmark's connected VU: one keep-alive connection each (a VU owns its connection),
// one request a second. `vus_ok` counts the VUs whose first request answered 200, so the bench can
// tell that every VU ran rather than a few running many iterations. TARGET comes from -e.
import { Counter } from 'volley';
import type { Iteration } from 'volley';

const vusOk = new Counter('vus_ok');

export default async function ({ http, sleep, env, vu, metrics }: Iteration) {
  const res = await http.get(env.TARGET!);
  if (vu.iterationInScenario === 0 && res.status === 200) metrics.add(vusOk, 1);
  await sleep(1);
}
