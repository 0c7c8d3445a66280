/**
 * accuracy: does volley report the latencies wrk reports for the same server? nginx answers
 * `/delay50` after 50 ms (echo_sleep), 25 connections in a closed loop for each generator (volley:
 * 25 VUs on 1 worker, iteration = `await http.get(url)`; wrk: `-t1 -c25 --latency`), A/B/A/B. A
 * generator that adds its own delay (event-loop lag, timing taken in the wrong place) shows up as a
 * p50 or p99 above wrk's. The goal, for p50 and p99 each:
 *
 *   |volley − wrk| ≤ max(0.3 ms, 2 × spread of wrk's own rounds)      spread = max − min
 *
 * with volley's figures from `--summary-trend-stats 'med,p(99)'` (http_req_duration) and wrk's from
 * its latency distribution; medians of the rounds on both sides.
 *
 * nginx's own jitter moves both generators' figures (wrk's p99 spreads by several ms between rounds
 * on these machines), so each leg is also captured with tcpdump when it is available: the same
 * exchanges' latencies as the kernel saw them (harness/pcap.mjs). A generator's figure minus the
 * wire's, for the same run, is what its own clock adds, whatever nginx did.
 */
import { fileURLToPath } from 'node:url';
import { runVolleyWatched } from './generators/volley-watched.mjs';
import { requireBuiltVolley } from './generators/volley.mjs';
import { runWrkLatency } from './generators/wrk-latency.mjs';
import { isStopping } from './harness/cleanup.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { startNginx } from './harness/nginx.mjs';
import { ensureEchoModule, ensureNginx, ensureTcpdump, ensureWrk } from './harness/peers.mjs';
import { columns } from './harness/report.mjs';
import { median, percentile } from './harness/stats.mjs';
import { startWireCapture } from './harness/wire-capture.mjs';

export const name = 'accuracy';
export const description = 'p50/p99 against nginx answering after 50 ms, 25 connections: volley vs wrk, A/B/A/B';

const SCENARIO = fileURLToPath(new URL('./scenarios/get-only.ts', import.meta.url));
const CONNECTIONS = 25;
const SERVER_CPU = 0;
const CLIENT_CPU = 1;
const FLOOR_MS = 0.3;

/** Runs wrk and volley once per round, prints each round, then the medians and the verdict for p50 and p99. */
export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const nginx = await ensureNginx(log);
  const echoModule = await ensureEchoModule(log);
  const wrk = await ensureWrk(log);
  if (echoModule === null || wrk === null) {
    log(`${name}  not run: ${echoModule === null ? "nginx's echo module" : 'wrk'} unavailable (see above)`);
    return;
  }
  const tcpdump = await ensureTcpdump(log);
  const durationS = smoke ? 2 : 10;
  const rounds = smoke ? 1 : 3;
  log(`${name}  ${rounds} round(s) of ${durationS} s, ${CONNECTIONS} connections to /delay50 (echo_sleep 0.05); nginx on core ${SERVER_CPU}, generators on core ${CLIENT_CPU}`);
  const server = await startNginx({ binary: nginx, echoModule, cpu: SERVER_CPU, log });
  const url = `${server.url}delay50`;
  const legs = [
    { label: 'wrk', run: () => runWrkLatency({ binary: wrk, url, connections: CONNECTIONS, durationS, cpu: CLIENT_CPU }) },
    { label: 'volley(1 worker)', run: () => volleyLatency({ url, durationS }) },
  ];
  const results = new Map(legs.map((leg) => [leg.label, []]));
  const failures = [];
  try {
    for (let round = 1; round <= rounds && !isStopping(); round++) {
      for (const leg of legs) {
        const watch = startCpuWatch();
        try {
          const figure = await onTheWire(tcpdump, server.port, leg.run, log);
          results.get(leg.label).push(figure);
          const failed = figure.failures > 0 ? `  (${figure.failures} failed requests)` : '';
          const wire = figure.wire ? `wire p50 ${ms(figure.wire.p50)} p99 ${ms(figure.wire.p99)}` : '';
          log(columns([name, `round ${round}/${rounds}`, leg.label, `p50 ${ms(figure.p50)}`, `p99 ${ms(figure.p99)}`, `${figure.requests} requests`, wire], [0, 0, 18, 14, 14, 16]) + failed + contentionNote(watch.stop()));
        } catch (error) {
          failures.push(`${leg.label}: ${error.message.split('\n')[0]}`);
          log(columns([name, `round ${round}/${rounds}`, leg.label, `FAILED: ${error.message}`], [0, 0, 18]));
        }
      }
    }
  } finally {
    await server.stop();
  }
  printVerdicts({ wrk: results.get('wrk'), volley: results.get('volley(1 worker)'), log });
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/**
 * Runs one leg with tcpdump capturing (when there is one) and adds the wire's p50 and p99 of the
 * same exchanges to its figure as `wire`; without tcpdump, or when it cannot capture, `wire` is null.
 */
async function onTheWire(tcpdump, port, runLeg, log) {
  const capture =
    tcpdump === null
      ? null
      : await startWireCapture({ binary: tcpdump, port }).catch((error) => {
          log(`${name}  ${error.message.split('\n')[0]}; the wire's latencies are skipped for this leg`);
          return null;
        });
  let figure;
  try {
    figure = await runLeg();
  } catch (error) {
    await capture?.stop().catch(() => {});
    throw error;
  }
  const latencies = capture === null ? [] : await capture.stop();
  const wire = latencies.length === 0 ? null : { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  return { ...figure, wire };
}

/** volley's http_req_duration median and p(99) over one run of 25 VUs on 1 worker, pinned like wrk. */
async function volleyLatency({ url, durationS }) {
  const args = ['--vus', String(CONNECTIONS), '--duration', `${durationS}s`, '--workers', '1', '--no-thresholds'];
  args.push('--summary-trend-stats', 'med,p(99)', '-e', `TARGET=${url}`);
  const { summary } = await runVolleyWatched({ scenario: SCENARIO, args, cpu: CLIENT_CPU, timeoutMs: (durationS + 60) * 1000, sampleMs: 1000 });
  const duration = summary.metrics?.http_req_duration?.values;
  if (!Number.isFinite(duration?.med) || !Number.isFinite(duration?.['p(99)'])) {
    throw new Error('volley summary has no http_req_duration med and p(99)');
  }
  const failures = summary.metrics?.http_req_failed?.values?.passes ?? 0;
  return { p50: duration.med, p99: duration['p(99)'], requests: duration.count, failures };
}

function printVerdicts({ wrk, volley, log }) {
  if (wrk.length === 0 || volley.length === 0) return;
  for (const key of ['p50', 'p99']) {
    const w = wrk.map((f) => f[key]);
    const wrkMedian = median(w);
    const volleyMedian = median(volley.map((f) => f[key]));
    const wrkSpread = Math.max(...w) - Math.min(...w);
    const tolerance = Math.max(FLOOR_MS, 2 * wrkSpread);
    const diff = volleyMedian - wrkMedian;
    const verdict = Math.abs(diff) <= tolerance ? 'within' : 'OUTSIDE';
    log(`${name}  ${key}  volley ${ms(volleyMedian)}  wrk ${ms(wrkMedian)}  volley − wrk ${signed(diff)} ms   tolerance max(${FLOOR_MS} ms, 2 × wrk spread ${wrkSpread.toFixed(2)} ms) = ${tolerance.toFixed(2)} ms: ${verdict}   (medians of ${Math.min(wrk.length, volley.length)} round(s))`);
  }
  const added = (figures, key) => median(figures.map((f) => f[key] - f.wire[key]));
  const captured = (figures) => figures.filter((f) => f.wire !== null);
  const [w, v] = [captured(wrk), captured(volley)];
  if (w.length > 0 && v.length > 0) {
    log(`${name}  added to the wire's latency (generator − tcpdump, same run; medians of rounds)  volley p50 ${signed(added(v, 'p50'))} ms p99 ${signed(added(v, 'p99'))} ms   wrk p50 ${signed(added(w, 'p50'))} ms p99 ${signed(added(w, 'p99'))} ms`);
  }
}

function signed(value) {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}

function ms(value) {
  return `${value.toFixed(2)} ms`;
}
