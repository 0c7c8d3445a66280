/**
 * A ramp (k6's ramping-vus): 0 → 10 VUs, a plateau, back to 0, watching latency hold as load grows.
 *   volley run scenarios/ramp-up.ts
 *   volley run scenarios/ramp-up.ts --stage 30s:50 --stage 1m:50 --stage 30s:0   (other stages, same script)
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    ramp: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '2s', target: 10 }, // ramp up: one more VU every 200 ms
        { duration: '3s', target: 10 }, // plateau
        { duration: '2s', target: 0 }, // ramp down
      ],
      // A VU taken out on the way down may finish its iteration for up to 1 s, then it is interrupted.
      gracefulRampDown: '1s',
    },
  },
  thresholds: {
    http_req_duration: ['p(95)<200'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

export default async function ({ http, check, sleep }: Iteration) {
  const res = await http.get(`${BASE}/delay/10`, { tags: { name: 'delay' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
  await sleep(0.2);
}
