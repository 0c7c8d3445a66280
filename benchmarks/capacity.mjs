/**
 * capacity: how close `volley capacity` (default settings, scenarios/capacity.ts) comes to the
 * capacity of volley's target run with a known one (`--servers N --service-time T`, in a process
 * of its own), for three settings — 40/s, 350/s and 2,000/s nominal. Each line prints the nominal
 * capacity, the one the target measured (servers / the mean time a request really held a server),
 * the rate the search found and its distance from the measured one, the steps it took and its run
 * time. The SLO is p(99) < 5 × the service time; near full utilisation a busy machine's hiccups
 * queue requests, so the found rate sits some percent below the measured capacity, more so when
 * other processes compete for the cores (noted on the line).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, stopChild, tail } from './harness/child.mjs';
import { atExit, track } from './harness/cleanup.mjs';
import { makeWorkDir } from './harness/work-dir.mjs';
import { contentionNote, startCpuWatch } from './harness/cpu-watch.mjs';
import { columns } from './harness/report.mjs';
import { requireBuiltVolley } from './generators/volley.mjs';

export const name = 'capacity';
export const description = 'volley capacity against the target at 40/s, 350/s and 2,000/s: found against true capacity, steps, run time';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'bin', 'volley.mjs');
const TARGET = join(ROOT, 'dist', 'target', 'main.js');
const SCENARIO = join(ROOT, 'scenarios', 'capacity.ts');

/** The three target settings; a start rate below the smallest capacity. */
const SETTINGS = [
  { servers: 2, serviceTimeMs: 50, startRate: 10 },
  { servers: 7, serviceTimeMs: 20, startRate: 50 },
  { servers: 40, serviceTimeMs: 20, startRate: 50 },
];

/** Runs the three searches (one short one with `smoke`) and prints a line for each. */
export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  // Smoke: one short search that stops at its max rate, to keep the harness working.
  const legs = smoke ? [{ ...SETTINGS[0], extra: ['--start-rate', '10', '--max-rate', '20', '--step', '2s', '--warmup', '1s'] }] : SETTINGS.map((s) => ({ ...s, extra: ['--start-rate', String(s.startRate)] }));
  log(`${name}  volley capacity ${smoke ? '(smoke: 2 s steps, max rate 20/s)' : 'with its defaults (10 s steps, 30 % warm-up, 5 %)'}; SLO p(99) < 5 × service time`);
  for (const leg of legs) log(await measure(leg));
}

async function measure({ servers, serviceTimeMs, extra }) {
  const target = await startTarget(servers, serviceTimeMs);
  const dir = makeWorkDir('capacity-');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forget = atExit(removeDir);
  const summaryPath = join(dir, 'summary.json');
  const slo = `http_req_duration:p(99)<${5 * serviceTimeMs}`;
  const args = [CLI, 'capacity', SCENARIO, '-q', '-e', `BASE_URL=${target.url}`, '--slo', slo, '--summary-export', summaryPath, ...extra];
  const watch = startCpuWatch();
  const began = performance.now();
  try {
    const result = await runChild(process.execPath, args, { cwd: ROOT, timeoutMs: 600_000 });
    const seconds = (performance.now() - began) / 1000;
    if (result.timedOut || ![0, 99].includes(result.code)) {
      throw new Error(`volley capacity exited ${result.timedOut ? 'on its time limit' : (result.code ?? result.signal)}: ${args.join(' ')}\n${tail(`${result.stdout}\n${result.stderr}`)}`);
    }
    const { capacity } = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const measured = (await target.stats()).capacity.measuredCapacityPerSecond;
    const found = capacity.sustainableRate;
    const off = found === null ? 'none found' : `${found.toLocaleString('en-US')}/s (${signed((found / measured - 1) * 100)} %)`;
    const cells = [
      name,
      `${servers} × ${serviceTimeMs} ms`,
      `nominal ${((servers * 1000) / serviceTimeMs).toLocaleString('en-US')}/s`,
      `measured ${Math.round(measured).toLocaleString('en-US')}/s`,
      `found ${off}${capacity.lowerBound ? ' lower bound' : ''}`,
      `${capacity.steps.length} steps`,
      `${seconds.toFixed(0)} s`,
    ];
    const why = capacity.lowerBound || found === null ? `\n${name}    ${capacity.reason}` : '';
    return columns(cells, [0, 14, 16, 18, 30, 9]) + contentionNote(watch.stop()) + why;
  } finally {
    forget();
    removeDir();
    await target.stop();
  }
}

/** The target with the capacity model, in a process of its own; resolves once it serves. */
function startTarget(servers, serviceTimeMs) {
  const child = spawn(process.execPath, [TARGET, '--port', '0', '--servers', String(servers), '--service-time', `${serviceTimeMs}ms`], { stdio: ['ignore', 'pipe', 'pipe'] });
  const untrack = track(child);
  const exited = new Promise((resolve) => child.once('close', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    exited.then(() => reject(new Error(`the target exited before serving: ${tail(out)}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const url = /volley target: (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout.removeAllListeners('data');
      resolve({
        url,
        stats: async () => (await fetch(`${url}/__stats`)).json(),
        stop: async () => {
          await stopChild(child, exited, 'SIGTERM', 3000);
          untrack();
        },
      });
    });
  });
}

function signed(n) {
  return `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(1)}`;
}
