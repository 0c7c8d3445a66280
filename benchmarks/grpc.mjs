/**
 * grpc: unary calls/s through volley beside a bare @grpc/grpc-js client loop, against the same
 * demo target (dist/target/main.js, pinned to core 0) in the same run, A/B/A/B, medians compared.
 * volley: `volley run benchmarks/scenarios/grpc-unary.ts` on one worker, one connection per VU,
 * `await client.invoke(...)` per iteration; bare: generators/grpc-bare.mjs, the same number of
 * channels each looping on `makeUnaryRequest`. Both on core 1. The goal: volley ≥ 0.9 × bare.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBuiltVolley } from './generators/volley.mjs';
import { pinned, runChild, stopChild, tail } from './harness/child.mjs';
import { atExit, track } from './harness/cleanup.mjs';
import { columns, formatRate, formatRatio, formatSpread } from './harness/report.mjs';
import { runRounds } from './harness/rounds.mjs';
import { median, spread } from './harness/stats.mjs';
import { makeWorkDir } from './harness/work-dir.mjs';

export const name = 'grpc';
export const description = 'unary calls/s to the demo target: volley vs a bare @grpc/grpc-js loop, A/B/A/B, medians';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENARIO = join(ROOT, 'benchmarks', 'scenarios', 'grpc-unary.ts');
const BARE = join(ROOT, 'benchmarks', 'generators', 'grpc-bare.mjs');
const CONNECTIONS = 32;
const SERVER_CPU = 0;
const CLIENT_CPU = 1;
const GOAL = 0.9;

export async function run({ smoke, log }) {
  requireBuiltVolley(log);
  const durationS = smoke ? 2 : 10;
  const rounds = smoke ? 1 : 3;
  log(`${name}  ${rounds} round(s) of ${durationS} s, ${CONNECTIONS} connections to Demo/Unary; target on core ${SERVER_CPU}, generators on core ${CLIENT_CPU}`);
  const target = await startTarget();
  try {
    const legs = [
      { label: 'volley(1 worker)', run: () => volleyLeg(target.addr, durationS) },
      { label: 'bare grpc-js', run: () => bareLeg(target.addr, durationS) },
    ];
    const results = await runRounds({ bench: name, legs, rounds, connections: CONNECTIONS, log });
    const volley = results.get('volley(1 worker)').rps;
    const bare = results.get('bare grpc-js').rps;
    if (volley.length === 0 || bare.length === 0) throw new Error('a leg produced no figure (see above)');
    for (const [label, values] of [['volley(1 worker)', volley], ['bare grpc-js', bare]]) {
      log(columns([name, 'median', label, formatRate(median(values)), formatSpread(spread(values).relative)], [0, 0, 18, 14]));
    }
    const ratio = median(volley) / median(bare);
    log(`${name}  volley / bare = ${formatRatio(median(volley), median(bare))} (goal ≥ ${GOAL}): ${ratio >= GOAL ? 'met' : 'not met'}${smoke ? ' (smoke: not for comparison)' : ''}`);
  } finally {
    await target.stop();
  }
}

/** The demo target in a process of its own, pinned; resolves once it prints its gRPC address. */
async function startTarget() {
  const line = pinned(SERVER_CPU, process.execPath, [join(ROOT, 'dist', 'target', 'main.js'), '--port', '0', '--grpc-port', '0']);
  const child = spawn(line.command, line.args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const untrack = track(child);
  const exited = once(child, 'exit');
  let out = '';
  for await (const chunk of child.stdout) {
    out += chunk;
    const addr = /volley target: grpc (\S+)\n/.exec(out)?.[1];
    if (addr) return { addr, stop: () => stopChild(child, exited, 'SIGTERM', 3000).finally(untrack) };
  }
  throw new Error(`the target exited before it was ready:\n${tail(out)}`);
}

async function volleyLeg(addr, durationS) {
  const dir = makeWorkDir('grpc-');
  const forget = atExit(() => rmSync(dir, { recursive: true, force: true }));
  const summaryPath = join(dir, 'summary.json');
  try {
    const args = [join(ROOT, 'bin', 'volley.mjs'), 'run', SCENARIO, '--vus', String(CONNECTIONS), '--duration', `${durationS}s`, '--workers', '1', '--quiet', '--summary-export', summaryPath, '-e', `GRPC_ADDR=${addr}`];
    const result = await runChild(process.execPath, args, { cpu: CLIENT_CPU, cwd: ROOT, timeoutMs: (durationS + 60) * 1000 });
    if (result.code !== 0 || result.timedOut) throw new Error(`volley exited ${result.code ?? result.signal}:\n${tail(`${result.stdout}\n${result.stderr}`)}`);
    const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const calls = summary.metrics.grpc_req_duration?.values.count ?? 0;
    const failures = summary.metrics.grpc_req_failed?.values.passes ?? 0;
    return { rps: calls / (summary.state.testRunDurationMs / 1000), failures };
  } finally {
    forget();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareLeg(addr, durationS) {
  const result = await runChild(process.execPath, [BARE, addr, String(CONNECTIONS), String(durationS)], { cpu: CLIENT_CPU, cwd: ROOT, timeoutMs: (durationS + 30) * 1000 });
  if (result.code !== 0 || result.timedOut) throw new Error(`the bare loop exited ${result.code ?? result.signal}:\n${tail(result.stderr)}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}
