// The http-throughput benchmark's scenario: one GET per iteration and one check, the smallest
// realistic iteration, so the figure measures volley's per-request overhead. TARGET comes from -e.
import type { Iteration } from 'volley';

export default async function ({ http, check, env }: Iteration) {
  const res = await http.get(env.TARGET!);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
