/**
 * memory: volley's resident memory per VU. RSS of the `volley run` process (coordinator and worker
 * threads are one process; esbuild's service, a child process, is not counted) sampled from
 * /proc/PID/status while every VU is running, for VUs that each hold one keep-alive connection to
 * nginx and sleep 1 s between requests. The headline is
 *
 *   per VU = (RSS at 10,000 VUs − RSS at 1,000 VUs) / 9,000
 *
 * so the fixed cost (node, the workers, the compiled scenario) cancels out. Also: peak RSS at 64
 * VUs, connected VUs up to the open-files hard limit minus 1,000 (one fd per connection; the rest
 * is headroom for volley's own files), and 50,000 VUs that only sleep (no connection). Each run
 * says whether every VU ran (`vus_ok`, counted by the scenario on each VU's first iteration).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runVolleyWatched } from './generators/volley-watched.mjs';
import { requireBuiltVolley } from './generators/volley.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { startNginx } from './harness/nginx.mjs';
import { ensureNginx } from './harness/peers.mjs';
import { openFilesLimit } from './harness/proc-status.mjs';
import { columns } from './harness/report.mjs';

export const name = 'memory';
export const description = 'RSS per VU: (RSS at 10,000 − at 1,000 connected VUs) / 9,000; 64 VUs; up to the fd limit; 50,000 sleeping VUs';

const CONNECTED = fileURLToPath(new URL('./scenarios/keepalive-sleep.ts', import.meta.url));
const SLEEPING = fileURLToPath(new URL('./scenarios/sleep-only.ts', import.meta.url));
/** Open files volley needs beside its connections (workers' pipes, esbuild, the bundle): the brief's headroom. */
const FD_HEADROOM = 1000;
const GOAL_KB_PER_VU = 20;
const GOAL_PEAK_64_MB = 100;
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Runs each VU count once (memory does not drift the way throughput does) and prints RSS lines, then per-VU figures. */
export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const limit = openFilesLimit();
  const hard = Number.isFinite(limit?.hard) ? limit.hard : 20_000;
  const plan = smoke
    ? { durationS: 3, settleS: 1.5, low: 200, high: 1000, atLimit: null, sleeping: 2000 }
    : { durationS: 15, settleS: 5, low: 1000, high: 10_000, atLimit: hard - FD_HEADROOM, sleeping: 50_000 };
  const workers = availableParallelism();
  log(`${name}  ${workers} worker(s) (one per core), constant-vus ${plan.durationS} s, each connected VU: http.get + sleep(1); RSS = max of /proc/PID/status VmRSS from ${plan.settleS} s after the start to the end`);
  log(`${name}  open files: hard limit ${grouped.format(hard)} (soft ${limit ? grouped.format(limit.soft) : '?'}); volley's soft limit raised to the hard one`);

  // nginx closes idle keep-alive connections once fewer than 1/16 of worker_connections are free
  // ("worker_connections are not enough, reusing connections"), so it needs 16/15 of the VUs held;
  // its open files stay at one per connection, under the hard limit.
  const server = await startNginx({ binary: await ensureNginx(log), connections: Math.ceil((hard * 16) / 15), log });
  const measured = new Map();
  const failures = [];
  try {
    const measure = async (label, scenario, vus) => {
      const watch = startCpuWatch();
      try {
        const figure = await measureRss({ scenario, vus, workers, url: server.url, plan, openFiles: hard });
        measured.set(label, figure);
        log(figureLine(label, vus, figure) + contentionNote(watch.stop()));
      } catch (error) {
        failures.push(`${label}: ${error.message.split('\n')[0]}`);
        log(columns([name, label, `FAILED: ${error.message}`], [0, 28]));
      }
    };
    await measure('64 VUs connected', CONNECTED, 64);
    await measure(`${grouped.format(plan.low)} VUs connected`, CONNECTED, plan.low);
    await measure(`${grouped.format(plan.high)} VUs connected`, CONNECTED, plan.high);
    if (plan.atLimit) await measure(`${grouped.format(plan.atLimit)} VUs connected`, CONNECTED, plan.atLimit);
    await measure(`${grouped.format(plan.sleeping)} VUs sleeping`, SLEEPING, plan.sleeping);
  } finally {
    await server.stop();
  }
  printGoals({ measured, plan, log });
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/** One constant-vus run: the steady RSS (max after `settleS`), the peak (VmHWM), and whether every VU ran. */
async function measureRss({ scenario, vus, workers, url, plan, openFiles }) {
  const args = ['--vus', String(vus), '--duration', `${plan.durationS}s`, '--workers', String(workers), '--no-thresholds', '-e', `TARGET=${url}`];
  const { startedAt, samples, summary } = await runVolleyWatched({
    scenario,
    args,
    openFiles,
    timeoutMs: (plan.durationS + 90) * 1000,
    sampleMs: 250,
  });
  const from = startedAt + plan.settleS * 1000;
  const to = startedAt + plan.durationS * 1000;
  const steady = samples.filter((s) => s.t >= from && s.t <= to);
  if (steady.length === 0) throw new Error('no RSS sample in the steady phase');
  const metrics = summary.metrics ?? {};
  return {
    rssKb: Math.max(...steady.map((s) => s.rssKb)),
    peakKb: Math.max(...samples.map((s) => s.hwmKb)),
    vusOk: metrics.vus_ok?.values?.count ?? 0,
    iterations: metrics.iterations?.values?.count ?? 0,
    failedRequests: metrics.http_req_failed?.values?.passes ?? 0,
  };
}

function figureLine(label, vus, f) {
  const ran = f.vusOk >= vus ? 'yes' : 'NO';
  const failed = f.failedRequests > 0 ? `  ${grouped.format(f.failedRequests)} failed requests` : '';
  return columns(
    [name, label, `RSS ${mb(f.rssKb)}`, `peak ${mb(f.peakKb)}`, `every VU ran: ${ran} (${grouped.format(f.vusOk)}/${grouped.format(vus)}, ${grouped.format(f.iterations)} iterations)${failed}`],
    [0, 24, 14, 15],
  );
}

/** The goal lines: per VU between the low and high counts (and up to the fd limit), and the 64-VU peak. */
function printGoals({ measured, plan, log }) {
  const low = measured.get(`${grouped.format(plan.low)} VUs connected`);
  const high = measured.get(`${grouped.format(plan.high)} VUs connected`);
  if (low && high) {
    const perVu = (high.rssKb - low.rssKb) / (plan.high - plan.low);
    const verdict = perVu <= GOAL_KB_PER_VU ? 'met' : 'NOT met';
    log(`${name}  per VU  (RSS at ${grouped.format(plan.high)} − at ${grouped.format(plan.low)} connected VUs) / ${grouped.format(plan.high - plan.low)}  ${perVu.toFixed(1)} KB/VU   goal ≤ ${GOAL_KB_PER_VU} KB/VU: ${verdict}   (k6 measured here: 140–224 KB/VU)`);
  }
  const atLimit = plan.atLimit && measured.get(`${grouped.format(plan.atLimit)} VUs connected`);
  if (low && atLimit) {
    const perVu = (atLimit.rssKb - low.rssKb) / (plan.atLimit - plan.low);
    log(`${name}  per VU  (RSS at ${grouped.format(plan.atLimit)} − at ${grouped.format(plan.low)} connected VUs) / ${grouped.format(plan.atLimit - plan.low)}  ${perVu.toFixed(1)} KB/VU`);
  }
  const small = measured.get('64 VUs connected');
  if (small) {
    log(`${name}  peak RSS at 64 VUs  ${mb(small.peakKb)}   goal ≤ ${GOAL_PEAK_64_MB} MB: ${small.peakKb / 1024 <= GOAL_PEAK_64_MB ? 'met' : 'NOT met'}`);
  }
}

function mb(kb) {
  return `${(kb / 1024).toFixed(1)} MB`;
}
