/** wrk's latency percentiles (`--latency`: 50/75/90/99 %) as one leg of the accuracy benchmark. No Lua script needed. */
import { runChild, tail } from '../harness/child.mjs';

/** Runs `wrk -t1 -cN -dSs --latency URL` (pinned to `cpu`) and returns `{ p50, p99, requests, failures }` in ms. */
export async function runWrkLatency({ binary, url, connections, durationS, cpu }) {
  const args = ['-t1', `-c${connections}`, `-d${durationS}s`, '--latency', url];
  const result = await runChild(binary, args, { cpu, timeoutMs: (durationS + 30) * 1000 });
  const p50 = percentile(result.stdout, '50');
  const p99 = percentile(result.stdout, '99');
  if (result.code !== 0 || p50 === null || p99 === null) {
    throw new Error(`wrk exited with ${result.code ?? result.signal} and no latency distribution:\n${tail(result.stderr || result.stdout)}`);
  }
  const requests = Number(/(\d+) requests in/.exec(result.stdout)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(result.stdout);
  const failures = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { p50, p99, requests, failures };
}

/** `     99%   51.20ms` under "Latency Distribution" → 51.2 (ms); wrk prints us, ms, s or m. */
function percentile(report, pct) {
  const m = new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(report);
  if (m === null) return null;
  const toMs = { us: 1e-3, ms: 1, s: 1e3, m: 60e3 };
  return Number(m[1]) * toMs[m[2]];
}
