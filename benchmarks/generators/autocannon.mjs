/** autocannon (the Node.js generator volley is compared with) as one benchmark leg: CLI in a child process, figure from its JSON. */
import { autocannonCli } from '../harness/peers.mjs';
import { runChild, tail } from '../harness/child.mjs';

/**
 * Runs `node autocannon.js -c N -d S -n -j URL` (pinned to `cpu`) and returns requests/s as
 * total / duration, the same definition as wrk's and volley's (autocannon's own `requests.average`
 * is the mean of per-second samples and counts partial seconds differently). `-n` turns off the
 * progress bar, which would otherwise be drawn on the core being measured.
 */
export async function runAutocannon({ url, connections, durationS, cpu }) {
  const args = [autocannonCli(), '-c', String(connections), '-d', String(durationS), '-n', '-j', url];
  const result = await runChild(process.execPath, args, { cpu, timeoutMs: (durationS + 30) * 1000 });
  if (result.code !== 0 || result.timedOut) {
    throw new Error(`autocannon exited ${describeExit(result)}:\n${tail(result.stderr || result.stdout)}`);
  }
  let json;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new Error(`autocannon printed no JSON:\n${tail(result.stdout)}`);
  }
  const failures = json.errors + json.timeouts + json.non2xx;
  return { rps: json.requests.total / json.duration, requests: json.requests.total, failures };
}

function describeExit({ code, signal, timedOut }) {
  if (timedOut) return 'after its time limit (killed)';
  return signal ? `on ${signal}` : `with ${code}`;
}
