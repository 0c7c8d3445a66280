/**
 * startup: from `volley run` being spawned to its first request arriving at a target, for a
 * scenario that imports two npm packages (benchmarks/scenarios/two-packages.ts). The target is a
 * node:http server inside this process, so the spawn time and the arrival time are read from one
 * clock (performance.now()). Beside it, the same for a scenario without imports (what the two
 * packages cost), for a 1 s run of it (which gets the load thread's request warm-up, skipped for a
 * run of one iteration) and for `node -e` sending one request (the floor Node's own boot sets). volley's
 * breakdown comes from its start-up trace (TRACE_VOLLEY_STARTUP=1, src/coordinator/startup-trace.ts).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runVolleyWatched } from './generators/volley-watched.mjs';
import { WORKER_ENTRIES, timeWorkerBoot } from './generators/worker-boot.mjs';
import { requireBuiltVolley } from './generators/volley.mjs';
import { track } from './harness/cleanup.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { columns } from './harness/report.mjs';
import { median } from './harness/stats.mjs';

export const name = 'startup';
export const description = 'ms from spawning `volley run` (scenario importing 2 npm packages) to its first request; breakdown';

const SCENARIO = fileURLToPath(new URL('./scenarios/two-packages.ts', import.meta.url));
const NO_IMPORTS = fileURLToPath(new URL('./scenarios/get-only.ts', import.meta.url));
const GOAL_MS = 400;
const RUN_TIMEOUT_MS = 30_000;
/** The trace's phases, in the order they happen. */
const PHASES = [
  ['cli', 'cli (node boot, CLI modules, flags)'],
  ['compile', 'compile (esbuild)'],
  ['lifecycleLoad', 'lifecycle load (worker + init)'],
  ['workersReady', 'workers ready (worker + init)'],
];

/** Runs volley (with and without the imports) and the `node -e` floor in turn, `runs` times each; prints each run, then the medians. */
export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const runs = smoke ? 2 : 7;
  const target = await startTarget();
  const volley = [];
  const bare = [];
  const warmed = [];
  const floor = [];
  const boots = [];
  let busy = 0;
  log(`${name}  ${runs} run(s) each, alternating; target: node:http in the harness; volley: run two-packages.ts -i 1 (1 VU, 1 worker), and --duration 1s`);
  try {
    for (let i = 1; i <= runs; i++) {
      const watch = startCpuWatch();
      const v = await timeVolley(target, `volley-${i}`, SCENARIO);
      const b = await timeVolley(target, `bare-${i}`, NO_IMPORTS);
      const w = await timeVolley(target, `warmed-${i}`, SCENARIO, ONE_SECOND);
      const n = await timeNode(target, `node-${i}`);
      const boot = await timeBoots();
      const note = contentionNote(watch.stop());
      if (note) busy++;
      volley.push(v);
      bare.push(b.totalMs);
      warmed.push(w.totalMs);
      floor.push(n);
      boots.push(boot);
      const phases = PHASES.map(([key]) => `${key} ${Math.round(v.trace[key])}`).join(', ');
      const cells = [name, `run ${i}/${runs}`, `volley ${Math.round(v.totalMs)} ms`, `no imports ${Math.round(b.totalMs)} ms`, `1 s run ${Math.round(w.totalMs)} ms`, `node -e ${Math.round(n)} ms`];
      const threads = `threads: empty ${Math.round(boot.empty)}, load ${Math.round(boot.load)}, lifecycle ${Math.round(boot.lifecycle)}`;
      log(columns([...cells, `trace: ${phases}, first start ${Math.round(v.trace.firstStart)}`, threads], [0, 0, 14, 18, 14, 14]) + note);
    }
  } finally {
    await target.close();
  }
  printMedians({ volley, bare, warmed, floor, runs, busy, log });
  printThreads({ volley, boots, log });
}

/** One worker-thread start each, in this process: empty, with the load worker's modules, with the lifecycle worker's. */
async function timeBoots() {
  return {
    empty: await timeWorkerBoot(null),
    load: await timeWorkerBoot(WORKER_ENTRIES.load),
    lifecycle: await timeWorkerBoot(WORKER_ENTRIES.lifecycle),
  };
}

/**
 * What the two worker phases are made of: a thread starting and loading volley's modules (timed in
 * this process, outside volley), and what is left, the scenario's init and the messages around it.
 */
function printThreads({ volley, boots, log }) {
  const m = (key) => median(boots.map((b) => b[key]));
  const phase = (key) => median(volley.map((v) => v.trace[key]));
  const parts = [
    `empty worker thread ${Math.round(m('empty'))}`,
    `thread + load worker's modules ${Math.round(m('load'))} (workers ready ${Math.round(phase('workersReady'))}: init and messages ≈ ${Math.round(phase('workersReady') - m('load'))})`,
    `thread + lifecycle worker's modules ${Math.round(m('lifecycle'))} (lifecycle load ${Math.round(phase('lifecycleLoad'))}: init and messages ≈ ${Math.round(phase('lifecycleLoad') - m('lifecycle'))})`,
  ];
  log(`${name}  worker threads started in the harness, medians in ms: ${parts.join(', ')}`);
}

/**
 * How long the timed runs are. One iteration is the headline; a 1 s run also shows what the load
 * threads' request warm-up (src/worker/warm-up.ts) adds to the start-up, as a run that is not known
 * to be short gets it.
 */
const ONE_ITERATION = ['-i', '1'];
const ONE_SECOND = ['--duration', '1s'];

/** Spawns `volley run SCENARIO` and resolves with `{ totalMs, trace }`: spawn → first request at `/ID`. */
async function timeVolley(target, id, scenario, length = ONE_ITERATION) {
  const arrival = target.arrivalOf(id);
  const args = [...length, '--vus', '1', '--no-thresholds', '-e', `TARGET=${target.url}${id}`];
  const result = await runVolleyWatched({ scenario, args, timeoutMs: RUN_TIMEOUT_MS, sampleMs: 1000 });
  return { totalMs: (await arrival) - result.spawnedAt, trace: result.trace };
}

/** The floor: `node -e` sending one GET, spawn → arrival. */
async function timeNode(target, id) {
  const arrival = target.arrivalOf(id);
  const code = 'require("node:http").get(process.argv[1], (r) => r.resume())';
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['-e', code, `${target.url}${id}`], { stdio: 'ignore' });
  const untrack = track(child);
  const exited = new Promise((resolve) => child.on('close', resolve));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  try {
    const exitCode = await exited;
    if (exitCode !== 0) throw new Error(`node -e exited ${exitCode}`);
    return (await arrival) - spawnedAt;
  } finally {
    clearTimeout(timer);
    untrack();
  }
}

/** A node:http server on 127.0.0.1 that notes when the first request for each path arrives. */
function startTarget() {
  const waiting = new Map();
  const server = createServer((req, res) => {
    const t = performance.now();
    waiting.get(req.url.slice(1))?.(t);
    res.end('ok\n');
  });
  server.keepAliveTimeout = 100;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        arrivalOf: (id) => {
          const arrival = new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error(`no request for /${id} within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
            timer.unref();
            waiting.set(id, (t) => {
              clearTimeout(timer);
              waiting.delete(id);
              res(t);
            });
          });
          // When the run fails first, nobody awaits the arrival: its timeout must not crash the harness.
          arrival.catch(() => {});
          return arrival;
        },
        close: () => new Promise((res) => server.close(res)),
      });
    });
    server.on('connection', (socket) => socket.unref());
  });
}

function printMedians({ volley, bare, warmed, floor, runs, busy, log }) {
  const total = median(volley.map((v) => v.totalMs));
  const m = (key) => median(volley.map((v) => v.trace[key]));
  const accounted = PHASES.reduce((sum, [key]) => sum + m(key), 0);
  const busyNote = busy > 0 ? `  [${busy} of ${runs} run(s) on a busy machine]` : '';
  const verdict = total <= GOAL_MS ? 'met' : 'NOT met';
  const others = [
    `without the imports ${Math.round(median(bare))} ms`,
    `a 1 s run (with the request warm-up) ${Math.round(median(warmed))} ms`,
    `node -e floor ${Math.round(median(floor))} ms`,
  ].join('   ');
  log(`${name}  median of ${runs}  volley spawn → first request ${Math.round(total)} ms   goal ≤ ${GOAL_MS} ms: ${verdict}   ${others}${busyNote}`);
  const parts = PHASES.map(([key, label]) => `${label} ${Math.round(m(key))}`);
  parts.push(`between phases ${Math.round(m('firstStart') - accounted)}`);
  parts.push(`start broadcast → request arrives ${Math.round(total - m('firstStart'))} (the start lead, 0 ms for one worker; the VU's connect, and node's boot before its clock starts)`);
  log(`${name}  breakdown, medians in ms: ${parts.join(', ')}`);
}
