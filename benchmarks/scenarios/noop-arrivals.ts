/**
 * The arrival-rate benchmark's scenario: constant-arrival-rate at RATE iterations/s for DURATION,
 * with VUS pre-allocated (and as many again on demand), of an iteration that does nothing: what is
 * measured is the executor's own scheduling, not any protocol.
 */
import { env } from 'volley';
import type { Options } from 'volley';

const vus = Number(env.VUS ?? 100);

export const options: Options = {
  scenarios: {
    arrivals: {
      executor: 'constant-arrival-rate',
      rate: Number(env.RATE ?? 1000),
      timeUnit: '1s',
      duration: env.DURATION ?? '10s',
      preAllocatedVUs: vus,
      maxVUs: vus * 2,
    },
  },
};

export default function () {}
