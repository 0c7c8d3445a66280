// The soak benchmark's scenario: constant-arrival-rate at RATE iterations/s for DURATION, VUS
// pre-allocated (twice as many at most), each iteration one GET of TARGET and one check on its
// status. With -e HEAP_EVERY_S=N each worker thread also records, at most once every N s, its own
// V8 heap, used (`heapUsed`) and committed (`heapTotal`), and its `external` memory as the gauges
// worker_heap_used / worker_heap_total / worker_external, tagged with the thread's id: the per-second time series (`--out json`) then says which worker's
// heap grows, apart from the process's RSS. That is one `process.memoryUsage()` call per worker
// every N s, nothing per request beyond comparing two numbers.
import { env, Gauge } from 'volley';
import type { Iteration, Options } from 'volley';
import { threadId } from 'node:worker_threads';

const vus = Number(env.VUS ?? 100);
const heapEveryMs = Number(env.HEAP_EVERY_S ?? 0) * 1000;
const heapUsed = new Gauge('worker_heap_used');
const heapTotal = new Gauge('worker_heap_total');
const external = new Gauge('worker_external');
const thread = { worker: String(threadId) };
let nextHeapAt = 0;

export const options: Options = {
  scenarios: {
    soak: {
      executor: 'constant-arrival-rate',
      rate: Number(env.RATE ?? 1000),
      timeUnit: '1s',
      duration: env.DURATION ?? '20s',
      preAllocatedVUs: vus,
      maxVUs: vus * 2,
    },
  },
};

export default async function ({ http, check, metrics }: Iteration) {
  const res = await http.get(env.TARGET!);
  check(res, { 'status is 200': (r) => r.status === 200 });
  if (heapEveryMs > 0) {
    const now = Date.now();
    if (now >= nextHeapAt) {
      nextHeapAt = now + heapEveryMs;
      const usage = process.memoryUsage();
      metrics.add(heapUsed, usage.heapUsed, thread);
      metrics.add(heapTotal, usage.heapTotal, thread);
      metrics.add(external, usage.external, thread);
    }
  }
}
