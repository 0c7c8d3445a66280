/**
 * A CI gate that guards SLOs while the run goes: an open-model load (arrival rate) that stops early
 * when the error rate over the last 5 s crosses 5 %, or when p(99) stays above 250 ms after a
 * 5 s warm-up. Against `volley target`:
 *
 *   npx volley target &
 *   npx volley run scenarios/slo-guard.ts --out json=slo.ndjson
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    api: { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '10s', preAllocatedVUs: 20, maxVUs: 50 },
  },
  thresholds: {
    http_req_failed: [{ threshold: 'rate<0.05', window: '5s', abortOnFail: true }],
    http_req_duration: [{ threshold: 'p(99)<250', abortOnFail: true, delayAbortEval: '5s' }],
  },
};

export default async function ({ http, check }: Iteration) {
  const res = await http.get(`${BASE}/delay/5`, { tags: { name: 'delay' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
}
