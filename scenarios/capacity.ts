/**
 * Capacity planning and breaking-point analysis, against volley's target given a known capacity:
 * 7 servers of 20 ms each, so 350 requests/s (docs/capacity.md).
 *
 *   npx volley target --servers 7 --service-time 20ms &
 *
 * The highest arrival rate that meets the SLOs (the thresholds below are reported, not used):
 *
 *   npx volley capacity scenarios/capacity.ts --slo 'http_req_duration:p(99)<100' --slo 'http_req_failed:rate<0.01'
 *
 * Where an open-model ramp breaks: `volley run` ramps from 50 to 700 iterations/s over a minute and
 * stops at the first failing second of p(99); the summary says at what load it broke.
 *
 *   npx volley run scenarios/capacity.ts
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    ramp: { executor: 'ramping-arrival-rate', startRate: 50, timeUnit: '1s', preAllocatedVUs: 50, maxVUs: 2000, stages: [{ duration: '1m', target: 700 }] },
  },
  thresholds: {
    http_req_duration: [{ threshold: 'p(99)<100', abortOnFail: true }],
    http_req_failed: ['rate<0.01'],
  },
};

export default async function ({ http, check }: Iteration) {
  const res = await http.get(`${BASE}/`);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
