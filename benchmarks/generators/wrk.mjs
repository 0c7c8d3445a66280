/** wrk (a C generator; the ceiling a client on one core reaches here) as one benchmark leg, figure parsed from its text report. */
import { runChild, tail } from '../harness/child.mjs';

/** Runs `wrk -t1 -cN -dSs URL` (pinned to `cpu`) and returns its `Requests/sec:` figure. */
export async function runWrk({ binary, url, connections, durationS, cpu }) {
  const args = ['-t1', `-c${connections}`, `-d${durationS}s`, url];
  const result = await runChild(binary, args, { cpu, timeoutMs: (durationS + 30) * 1000 });
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(result.stdout);
  if (result.code !== 0 || rate === null) {
    throw new Error(`wrk exited with ${result.code ?? result.signal} and no Requests/sec:\n${tail(result.stderr || result.stdout)}`);
  }
  const requests = Number(/(\d+) requests in/.exec(result.stdout)?.[1] ?? NaN);
  return { rps: Number(rate[1]), requests, failures: countFailures(result.stdout) };
}

/** Non-2xx answers plus socket errors, which wrk prints only when there are some. */
function countFailures(report) {
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  return non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
}
