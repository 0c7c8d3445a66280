/**
 * A multi-step user journey: groups tag every request inside them and record group_duration;
 * checks are reported per group; a custom Trend records a business timing.
 *   volley run scenarios/user-journey.ts
 */
import { Counter, Trend, env } from 'volley';
import type { Iteration, Options } from 'volley';

const BASE = env.BASE_URL ?? 'http://127.0.0.1:6180';

export const options: Options = {
  scenarios: {
    shoppers: { executor: 'per-vu-iterations', vus: 5, iterations: 10, maxDuration: '1m' },
  },
  thresholds: {
    'group_duration{group:::checkout}': ['p(95)<500'],
    checkout_time: ['p(95)<400'],
    orders: ['count>0'],
  },
};

const checkoutTime = new Trend('checkout_time', true);
const orders = new Counter('orders');

export default async function ({ http, check, group, sleep, metrics, vu }: Iteration) {
  await group('browse', async () => {
    const home = await http.get(`${BASE}/`);
    check(home, { 'home loads': (r) => r.status === 200 });
    const catalog = await http.get(`${BASE}/json`, { tags: { name: 'catalog' } });
    check(catalog, { 'catalog lists items': (r) => r.json<{ items: unknown[] }>().items.length > 0 });
  });

  await sleep(0.05);

  await group('checkout', async () => {
    const started = performance.now();
    const order = await http.post(`${BASE}/echo`, { item: 1, user: vu.idInTest }, { tags: { name: 'order' } });
    check(order, {
      'order accepted': (r) => r.status === 200,
      'order echoes the item': (r) => JSON.parse(r.json<{ body: string }>().body).item === 1,
    });
    await http.get(`${BASE}/delay/30`, { tags: { name: 'payment' } });
    metrics.add(checkoutTime, performance.now() - started);
    metrics.add(orders, 1);
  });
}
