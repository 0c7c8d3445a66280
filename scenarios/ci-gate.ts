/**
 * A CI performance gate: fixed load, strict thresholds, machine-readable results.
 * Exit code 0 when every threshold holds, 99 when one fails; the JUnit report gives the CI's test
 * view a case per threshold and per check (docs/outputs.md).
 *   mkdir -p reports && volley run scenarios/ci-gate.ts --summary-export reports/summary.json --junit reports/volley.xml
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    api: { executor: 'constant-vus', vus: 20, duration: '10s' },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<100', 'p(99)<250'],
    'http_req_duration{name:slow}': ['p(95)<150'],
    checks: ['rate==1'],
  },
};

export default async function ({ http, check }: Iteration) {
  const fast = await http.get(`${BASE}/json`);
  check(fast, { 'json is 200': (r) => r.status === 200 });

  // One slower endpoint, tracked as its own sub-metric through the name tag.
  const slow = await http.get(`${BASE}/delay/20`, { tags: { name: 'slow' } });
  check(slow, { 'slow is 200': (r) => r.status === 200 });
}
