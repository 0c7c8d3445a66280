/**
 * A run whose VU count you change while it goes, through the control API (k6's /v1/status):
 * it starts with 1 VU (up to 20) and lasts 2 minutes unless DURATION says otherwise.
 *   volley target &
 *   volley run scenarios/externally-controlled.ts          (prints: control API: http://127.0.0.1:6565)
 *   curl -s localhost:6565/v1/status
 *   curl -s -X PATCH localhost:6565/v1/status -d '{"data":{"type":"status","id":"default","attributes":{"vus":10}}}'
 *   curl -s -X PATCH localhost:6565/v1/status -d '{"data":{"attributes":{"paused":true}}}'
 *   curl -s -X PATCH localhost:6565/v1/status -d '{"data":{"attributes":{"stopped":true}}}'   (exit 105)
 * More in docs/executors.md.
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    controlled: { executor: 'externally-controlled', vus: 1, maxVUs: 20, duration: env.DURATION ?? '2m' },
  },
  thresholds: { http_req_failed: ['rate<0.01'] },
};

export default async function ({ http, check, sleep }: Iteration) {
  const res = await http.get(`${BASE}/delay/20`, { tags: { name: 'delay' } });
  check(res, { 'status is 200': (r) => r.status === 200 });
  await sleep(0.05);
}
