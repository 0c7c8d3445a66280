/**
 * Open-model load: iterations start at a set rate whatever the response times, as real users
 * arrive. `browse` holds 50 iterations/s; `checkout` ramps from 0 to 20/s and back down, a
 * request that takes ~50 ms each, so it needs about 20 × 0.05 = 1 VU busy at its peak (more while
 * responses slow down: maxVUs leaves room). dropped_iterations counts the starts no VU was free
 * for, iteration_start_lag how late the others started. Against `volley target`:
 *
 *   npx volley target &
 *   npx volley run scenarios/arrival-rate.ts            (SECONDS=20 by default: -e SECONDS=60)
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';
const SECONDS = Number(env.SECONDS ?? 20);

export const options: Options = {
  scenarios: {
    browse: {
      executor: 'constant-arrival-rate',
      rate: 50,
      timeUnit: '1s',
      duration: `${SECONDS}s`,
      preAllocatedVUs: 5,
      maxVUs: 50,
      exec: 'browse',
    },
    checkout: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      stages: [
        { duration: `${SECONDS / 2}s`, target: 20 },
        { duration: `${SECONDS / 2}s`, target: 0 },
      ],
      preAllocatedVUs: 2,
      maxVUs: 20,
      exec: 'checkout',
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{scenario:browse}': ['p(95)<200'],
    // Fewer than 1 % of the starts may find no free VU: more would mean maxVUs is too small.
    dropped_iterations: [`count<${Math.ceil(SECONDS * 0.6)}`],
  },
};

export async function browse({ http, check }: Iteration) {
  const res = await http.get(`${BASE}/json`, { tags: { name: 'json' } });
  check(res, { 'json is 200': (r) => r.status === 200 });
}

export async function checkout({ http, check }: Iteration) {
  const res = await http.get(`${BASE}/delay/50`, { tags: { name: 'delay' } });
  check(res, { 'delay is 200': (r) => r.status === 200 });
}
