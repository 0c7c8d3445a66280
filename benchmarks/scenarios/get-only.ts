// The accuracy benchmark's scenario: a closed loop of one GET per iteration and nothing else, as
// wrk's connections do, so both measure the same request. TARGET comes from -e.
import type { Iteration } from 'volley';

export default async function ({ http, env }: Iteration) {
  await http.get(env.TARGET!);
}
