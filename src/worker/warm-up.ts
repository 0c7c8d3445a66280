/**
 * Runs, before the worker says ready, what a run's first requests would otherwise do for the first
 * time inside second 0: compiling undici's HTTP parser to optimized code (parser-precompile.ts),
 * volley's own request path (a VU's `http.get` through undici, the clock marks, recording into HDR
 * histograms) and a snapshot's encoding. Without it the run's first second goes at a fraction of
 * the steady rate while V8 still interprets that path (the http-throughput scenario: ≈ 3,000
 * requests in second 0 against ≈ 28,000 in each later one, with latencies up to 46 ms), which shows
 * as a p99 above the other seconds' and as lost throughput. The requests go to a TCP server inside
 * this thread that answers with canned bytes (cheaper than node:http, so the time goes to the
 * client's path), on 127.0.0.1:0; nothing recorded leaves the thread. A failure here only means a
 * colder start, so it is swallowed.
 *
 * It uses the time a warm thread waits for its init message (while the main thread loads the CLI
 * and compiles the scenario) and stops when `stop` aborts, after the requests in flight: it delays
 * a run's start by at most one request, or by what is left of the parser's compile (≈ 110–160 ms,
 * synchronous) when init arrives during it. Init mostly arrives during it, so few requests get
 * done: making init wait for 1,000 of them moved second 0 of the pinned http-throughput run from
 * ≈ 23k to ≈ 28k requests, but put ≈ 200 ms on a run's start and 6–10 MB on the 64-VU peak RSS
 * (the young generations grow to their limit and stay there ≈ 6 s): not taken (benchmarks/README.md,
 * 2026-11-25 00:30).
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { signalInterrupts } from '../clients/signal-interrupts.js';
import { createHttp, type HttpDefaults } from '../clients/http/index.js';
import { BUILTIN } from '../metrics/builtin.js';
import { TagSet } from '../metrics/tags.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { WARM_UP_REQUESTS } from '../ipc/messages.js';
import { precompileHttpParser } from '../clients/http/parser-precompile.js';
import { requestClock } from './clock.js';

// At most WARM_UP_REQUESTS through volley's client: V8 has optimized the per-request functions well
// before (≈ 300 ms here, from cold). Spread over a few connections, as a run's VUs are.
const CONNECTIONS = 8;
const RESPONSE = Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nkeep-alive: timeout=60\r\n\r\nok');
const HTTP_DEFAULTS: HttpDefaults = { maxRedirects: 0, userAgent: 'volley/warm-up', discardResponseBodies: false, timeoutMs: 5_000, noConnectionReuse: false, insecureSkipTLSVerify: false };

/** Warms the request path until `WARM_UP_REQUESTS` are done or `stop` aborts; resolves with the requests answered. */
export async function warmUpHotPath(stop: AbortSignal): Promise<number> {
  precompileHttpParser();
  const server = createServer(answerEveryRequest);
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const metrics = new WorkerMetrics(() => {});
    const answered = await warmHttp(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, metrics, stop);
    metrics.snapshot();
    return answered;
  } catch {
    return 0; // a colder first second, nothing worse
  } finally {
    await close(server);
  }
}

async function warmHttp(url: string, metrics: WorkerMetrics, stop: AbortSignal): Promise<number> {
  const tags = { current: TagSet.of({ name: 'warm-up' }) };
  const iterations = metrics.series(BUILTIN.iterations, tags.current);
  let answered = 0;
  const loops = Array.from({ length: CONNECTIONS }, async () => {
    const http = createHttp({ sink: metrics, tags, interrupts: signalInterrupts(new AbortController().signal), now: requestClock }, HTTP_DEFAULTS);
    try {
      for (let i = 0; i < WARM_UP_REQUESTS / CONNECTIONS && !stop.aborted; i++) {
        const res = await http.get(url);
        if (res.status === 200) answered++;
        iterations.add(1);
      }
    } finally {
      await http.close();
    }
  });
  await Promise.all(loops);
  return answered;
}

/** One canned response per request head received (a warm-up request has no body). */
function answerEveryRequest(socket: Socket): void {
  let tail = '';
  socket.on('data', (chunk) => {
    const text = tail + chunk.toString('latin1');
    let heads = 0;
    let end = 0;
    for (let at = text.indexOf('\r\n\r\n'); at !== -1; at = text.indexOf('\r\n\r\n', end)) {
      heads++;
      end = at + 4;
    }
    tail = text.slice(end);
    for (let i = 0; i < heads; i++) socket.write(RESPONSE);
  });
  socket.on('error', () => {});
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}
