/**
 * The first scenario to read: 10 VUs for 5 seconds against volley's embedded target.
 *   npm start                                   (starts the target and runs this file)
 *   volley target & volley run scenarios/quickstart.ts
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  vus: 10,
  duration: '5s',
  thresholds: {
    http_req_duration: ['p(95)<200'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

export default async function ({ http, check, sleep }: Iteration) {
  const home = await http.get(`${BASE}/`);
  check(home, { 'home is 200': (r) => r.status === 200 });

  const doc = await http.get(`${BASE}/json`);
  check(doc, {
    'json is 200': (r) => r.status === 200,
    'json has items': (r) => r.json<{ items: unknown[] }>().items.length > 0,
  });

  await sleep(0.1);
}
