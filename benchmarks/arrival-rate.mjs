/**
 * arrival-rate: how exactly one worker keeps a constant-arrival-rate schedule when the iteration
 * does nothing (benchmarks/scenarios/noop-arrivals.ts): achieved/target = iterations / (rate × s)
 * and iteration_start_lag p(99) at 1k, 10k and 50k iterations/s for 10 s each, then the highest
 * rate this machine sustains with achieved/target ≥ 0.99 — doubling from the best of those, then
 * bisecting, with 3 s runs (≈ 2–3 min in all). No target server: the figure is the scheduler's.
 */
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runChild, tail } from './harness/child.mjs';
import { atExit } from './harness/cleanup.mjs';
import { makeWorkDir } from './harness/work-dir.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { columns } from './harness/report.mjs';
import { requireBuiltVolley } from './generators/volley.mjs';

export const name = 'arrival-rate';
export const description = 'constant-arrival-rate in 1 worker, no-op iteration: achieved/target and start lag p99 at 1k/10k/50k/s; highest sustained rate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'bin', 'volley.mjs');
const SCENARIO = fileURLToPath(new URL('./scenarios/noop-arrivals.ts', import.meta.url));
const SUSTAINED = 0.99;
const BISECT_STEPS = 4;
const MAX_RATE = 1_600_000;

/** Runs the fixed rates, then the search for the highest sustained rate. */
export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const rates = smoke ? [1000, 10_000] : [1000, 10_000, 50_000];
  const seconds = smoke ? 1 : 10;
  log(`${name}  1 worker, ${seconds} s per rate; search with ${smoke ? 1 : 3} s runs`);
  const results = [];
  for (const rate of rates) {
    const r = await measure(rate, seconds);
    results.push(r);
    log(line(r));
  }
  const best = results.filter(sustained).reduce((max, r) => Math.max(max, r.rate), 0);
  if (best === 0) {
    log(`${name}  highest sustained rate: below ${rates[0]}/s (none of the fixed rates reached ${SUSTAINED})`);
    return;
  }
  const found = await search(best, smoke ? 1 : 3, smoke ? 1 : BISECT_STEPS, log);
  log(`${name}  highest sustained rate (achieved/target ≥ ${SUSTAINED}, ${smoke ? 1 : 3} s runs): ${found.toLocaleString('en-US')}/s`);
}

/** Doubles from a sustained rate until one fails, then bisects between the last pass and the first fail. */
async function search(start, seconds, steps, log) {
  let pass = start;
  let fail;
  while (fail === undefined && pass * 2 <= MAX_RATE) {
    const r = await measure(pass * 2, seconds);
    log(line(r, 'search'));
    if (sustained(r)) pass *= 2;
    else fail = pass * 2;
  }
  for (let i = 0; fail !== undefined && i < steps; i++) {
    const mid = Math.round((pass + fail) / 2 / 1000) * 1000;
    if (mid <= pass || mid >= fail) break;
    const r = await measure(mid, seconds);
    log(line(r, 'search'));
    if (sustained(r)) pass = mid;
    else fail = mid;
  }
  return pass;
}

const sustained = (r) => r.achieved >= SUSTAINED;

function line(r, phase = 'fixed') {
  const lag = r.lagP99 === undefined ? 'n/a' : `${r.lagP99.toFixed(2)} ms`;
  const cells = [name, phase, `${r.rate.toLocaleString('en-US')}/s × ${r.seconds} s`, `achieved/target ${r.achieved.toFixed(4)}`, `dropped ${r.dropped}`, `start lag p99 ${lag}`];
  return columns(cells, [0, 6, 18, 24, 14]) + r.note;
}

/** One `volley run` at `rate` for `seconds`; VUs scale with the rate so a 20 ms stall's backlog finds free VUs. */
async function measure(rate, seconds) {
  const dir = makeWorkDir('arrival-');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forget = atExit(removeDir);
  const summaryPath = join(dir, 'summary.json');
  const vus = Math.min(20_000, Math.max(100, Math.ceil(rate / 50)));
  const args = [CLI, 'run', SCENARIO, '--workers', '1', '--quiet', '--no-thresholds', '--summary-trend-stats', 'avg,p(99)', '--summary-export', summaryPath];
  args.push('-e', `RATE=${rate}`, '-e', `DURATION=${seconds}s`, '-e', `VUS=${vus}`);
  const watch = startCpuWatch();
  try {
    const result = await runChild(process.execPath, args, { cwd: ROOT, timeoutMs: (seconds + 60) * 1000 });
    if (result.code !== 0 || result.timedOut) {
      const how = result.timedOut ? 'was killed after its time limit' : `exited ${result.code ?? result.signal}`;
      throw new Error(`volley ${how}: ${['node', ...args].join(' ')}\n${tail(`${result.stdout}\n${result.stderr}`)}`);
    }
    const metrics = JSON.parse(readFileSync(summaryPath, 'utf8')).metrics ?? {};
    const iterations = metrics.iterations?.values?.count ?? 0;
    return {
      rate,
      seconds,
      achieved: iterations / (rate * seconds),
      dropped: metrics.dropped_iterations?.values?.count ?? 0,
      lagP99: metrics.iteration_start_lag?.values?.['p(99)'],
      note: contentionNote(watch.stop()),
    };
  } finally {
    forget();
    removeDir();
  }
}
