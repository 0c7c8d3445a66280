// The ws benchmark's idle VU: one WebSocket session held open, silent, for the whole run (the
// iteration never closes it; gracefulStop 0s closes it at the end). `vus_ok` counts the VUs whose
// session opened, so the bench can tell that every VU held one. TARGET, VUS and DURATION come from -e.
import { Counter, env } from 'volley';
import type { Iteration, Options } from 'volley';

export const options: Options = {
  scenarios: { idle: { executor: 'constant-vus', vus: Number(env.VUS), duration: env.DURATION!, gracefulStop: '0s' } },
};

const vusOk = new Counter('vus_ok');

export default function ({ ws, env, metrics }: Iteration) {
  ws.connect(env.TARGET!).onopen = () => metrics.add(vusOk, 1);
}
