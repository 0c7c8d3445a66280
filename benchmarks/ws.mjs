/**
 * ws: volley's WebSocket client. Two figures, against volley's own target (`volley target`, a
 * `ws` echo server) on core 0:
 *
 *   echo   messages/s through CONNECTIONS sockets on core 1, each a loop of sessions of 1,000
 *          round trips (the next message sent on each echo): volley (1 worker,
 *          benchmarks/scenarios/ws-echo.ts) beside a bare `ws` client loop doing the same
 *          (generators/ws-bare.mjs), A/B/A/B, ratio of the medians (goal ≥ 0.9 of the bare loop)
 *   memory RSS of `volley run` with every VU holding one idle WebSocket session open
 *          (scenarios/ws-idle.ts), at 1,000 and 5,000 VUs; per VU = the difference / 4,000
 *
 * Nothing is asserted; the figures are printed for a human (and benchmarks/README.md) to judge.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runVolley, requireBuiltVolley } from './generators/volley.mjs';
import { runVolleyWatched } from './generators/volley-watched.mjs';
import { runChild, tail } from './harness/child.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { openFilesLimit } from './harness/proc-status.mjs';
import { columns, formatRate, formatRatio, formatSpread } from './harness/report.mjs';
import { runRounds } from './harness/rounds.mjs';
import { median, spread } from './harness/stats.mjs';
import { startVolleyTarget } from './harness/volley-target.mjs';

export const name = 'ws';
export const description = 'WebSocket echo msgs/s: volley vs a bare ws client loop, A/B/A/B (goal ≥ 0.9); RSS per idle connected WebSocket VU at 1,000 and 5,000 VUs';

const SERVER_CPU = 0;
const CLIENT_CPU = 1;
const MESSAGES_PER_SESSION = 1000;
const GOAL_RATIO = 0.9;
const ECHO = fileURLToPath(new URL('./scenarios/ws-echo.ts', import.meta.url));
const IDLE = fileURLToPath(new URL('./scenarios/ws-idle.ts', import.meta.url));
const BARE = fileURLToPath(new URL('./generators/ws-bare.mjs', import.meta.url));
const BARE_LABEL = 'bare ws loop';
const VOLLEY_LABEL = 'volley(1 worker, pinned)';
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const plan = smoke
    ? { durationS: 2, rounds: 1, connections: 16, memory: { low: 200, high: 1000, durationS: 3, settleS: 1.5 } }
    : { durationS: 10, rounds: 3, connections: 64, memory: { low: 1000, high: 5000, durationS: 15, settleS: 5 } };
  const openFiles = Math.min(openFilesLimit()?.hard ?? 20_000, 1_048_576);
  const target = await startVolleyTarget({ cpu: SERVER_CPU, openFiles });
  try {
    await echoRounds({ url: `${target.wsUrl}/ws/echo`, plan, log });
    await memoryPerVu({ url: `${target.wsUrl}/ws/echo`, plan: plan.memory, openFiles, log });
  } finally {
    await target.stop();
  }
}

/** The echo rounds, then the medians and the ratio volley / bare loop. */
async function echoRounds({ url, plan, log }) {
  log(`${name}  echo: ${plan.rounds} round(s) of ${plan.durationS} s, ${plan.connections} sockets, sessions of ${MESSAGES_PER_SESSION} round trips; target on core ${SERVER_CPU}, clients on core ${CLIENT_CPU}`);
  const common = { url, connections: plan.connections, durationS: plan.durationS };
  const legs = [
    { label: BARE_LABEL, run: () => runBare(common) },
    { label: VOLLEY_LABEL, run: () => runVolley({ ...common, scenario: ECHO, workers: 1, cpu: CLIENT_CPU, metric: 'ws_msgs_received' }) },
  ];
  const results = await runRounds({ bench: name, legs, rounds: plan.rounds, connections: plan.connections, log, unit: 'msgs/s' });
  const medians = new Map();
  for (const [label, { rps }] of results) {
    if (rps.length === 0) continue;
    medians.set(label, median(rps));
    log(columns([name, 'median', label, formatRate(medians.get(label), 'msgs/s'), `${formatSpread(spread(rps).relative)} over ${rps.length} round(s)`], [0, 0, 26, 16]));
  }
  const ratio = formatRatio(medians.get(VOLLEY_LABEL), medians.get(BARE_LABEL));
  const verdict = ratio === 'n/a' ? '' : Number(ratio) >= GOAL_RATIO ? ': met' : ': NOT met';
  log(`${name}  echo  volley / bare ws loop  ${ratio}   goal ≥ ${GOAL_RATIO}${verdict}`);
  const broken = [...results].filter(([, r]) => r.errors.length > 0);
  if (broken.length > 0) throw new Error(broken.map(([label, r]) => `${label}: ${r.errors[0].split('\n')[0]}`).join('; '));
}

/** The bare loop in a child pinned to the client core: its messages per second. */
async function runBare({ url, connections, durationS }) {
  const args = [BARE, url, String(connections), String(durationS), String(MESSAGES_PER_SESSION)];
  const result = await runChild(process.execPath, args, { cpu: CLIENT_CPU, timeoutMs: (durationS + 30) * 1000 });
  if (result.code !== 0 || result.timedOut) throw new Error(`the bare ws loop ${result.timedOut ? 'timed out' : `exited ${result.code ?? result.signal}`}:\n${tail(result.stderr)}`);
  const { messages, seconds } = JSON.parse(result.stdout);
  return { rps: messages / seconds, failures: 0 };
}

/** RSS with every VU holding an idle session, at the low and the high count; then per VU. */
async function memoryPerVu({ url, plan, openFiles, log }) {
  const workers = availableParallelism();
  log(`${name}  memory: ${workers} worker(s), constant-vus ${plan.durationS} s, each VU holds one idle WebSocket session; RSS = max of /proc/PID/status VmRSS from ${plan.settleS} s after the start to the end`);
  const measured = new Map();
  for (const vus of [plan.low, plan.high]) {
    const watch = startCpuWatch();
    const args = ['-e', `TARGET=${url}`, '-e', `VUS=${vus}`, '-e', `DURATION=${plan.durationS}s`, '--workers', String(workers), '--no-thresholds'];
    const { startedAt, samples, summary } = await runVolleyWatched({ scenario: IDLE, args, openFiles, timeoutMs: (plan.durationS + 90) * 1000, sampleMs: 250 });
    const steady = samples.filter((s) => s.t >= startedAt + plan.settleS * 1000 && s.t <= startedAt + plan.durationS * 1000);
    if (steady.length === 0) throw new Error(`no RSS sample in the steady phase at ${vus} VUs`);
    const rssKb = Math.max(...steady.map((s) => s.rssKb));
    const connected = summary.metrics?.vus_ok?.values?.count ?? 0;
    measured.set(vus, rssKb);
    log(columns([name, `${grouped.format(vus)} VUs, idle ws`, `RSS ${(rssKb / 1024).toFixed(1)} MB`, `every VU connected: ${connected >= vus ? 'yes' : 'NO'} (${grouped.format(connected)}/${grouped.format(vus)})`], [0, 22, 14]) + contentionNote(watch.stop()));
  }
  const perVu = (measured.get(plan.high) - measured.get(plan.low)) / (plan.high - plan.low);
  log(`${name}  memory per idle WebSocket VU  (RSS at ${grouped.format(plan.high)} − at ${grouped.format(plan.low)}) / ${grouped.format(plan.high - plan.low)}  ${perVu.toFixed(1)} KB/VU`);
}
