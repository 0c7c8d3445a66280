/**
 * http-throughput: how many requests/s volley drives through 64 keep-alive connections against a
 * server that costs as little as possible (nginx answering a 3-byte body from its config), next to
 * autocannon and wrk under the same conditions. nginx has core 0, the generator core 1 (taskset), so
 * the generator's own per-request cost decides the figure. Nothing is asserted: the figures and
 * ratios are printed for a human (and benchmarks/README.md) to judge.
 */
import { fileURLToPath } from 'node:url';
import { runAutocannon } from './generators/autocannon.mjs';
import { runVolley, staleBuildWarning, volleyUnavailableReason } from './generators/volley.mjs';
import { runWrk } from './generators/wrk.mjs';
import { startNginx } from './harness/nginx.mjs';
import { autocannonCli, ensureNginx, ensureWrk } from './harness/peers.mjs';
import { runRounds } from './harness/rounds.mjs';
import { printMedians } from './http-throughput-report.mjs';

export const name = 'http-throughput';
export const description = 'requests/s through 64 connections to nginx: volley vs autocannon vs wrk, A/B/A/B, medians';

const CONNECTIONS = 64;
const SERVER_CPU = 0;
const CLIENT_CPU = 1;
const SCENARIO = fileURLToPath(new URL('./scenarios/http-get.ts', import.meta.url));

const VOLLEY_PINNED = 'volley(1 worker, pinned)';
const VOLLEY_TWO_WORKERS = 'volley(2 workers, unpinned)';

/** Runs the rounds and prints them, then the medians; throws (harness broke) when a leg failed or a required peer is missing. */
export async function run({ smoke, log, volleyOuts = [] }) {
  const durationS = smoke ? 2 : 10;
  const rounds = smoke ? 1 : 3;
  const nginx = await ensureNginx(log);
  autocannonCli();
  const wrk = await ensureWrk(log);
  const volleySkip = volleyUnavailableReason();
  const stale = volleySkip === null ? staleBuildWarning() : null;
  if (stale) log(`bench: warning: ${stale}`);
  const outs = volleyOuts.length ? `; volley legs with ${volleyOuts.map((k) => `--out ${k}`).join(' ')}` : '';
  log(`${name}  ${rounds} round(s) of ${durationS} s, ${CONNECTIONS} connections; nginx on core ${SERVER_CPU}, generators on core ${CLIENT_CPU}${outs}`);

  const server = await startNginx({ binary: nginx, cpu: SERVER_CPU, log });
  let results;
  try {
    const common = { url: server.url, connections: CONNECTIONS, durationS };
    const volleyCommon = { ...common, scenario: SCENARIO, outs: volleyOuts };
    const legs = [
      { label: 'autocannon', run: () => runAutocannon({ ...common, cpu: CLIENT_CPU }) },
      {
        label: VOLLEY_PINNED,
        skip: volleySkip,
        run: () => runVolley({ ...volleyCommon, workers: 1, cpu: CLIENT_CPU }),
      },
      { label: 'wrk', skip: wrk ? null : 'wrk unavailable', run: () => runWrk({ ...common, binary: wrk, cpu: CLIENT_CPU }) },
      {
        label: VOLLEY_TWO_WORKERS,
        skip: volleySkip,
        run: () => runVolley({ ...volleyCommon, workers: 2 }),
      },
    ];
    results = await runRounds({ bench: name, legs, rounds, connections: CONNECTIONS, log });
  } finally {
    await server.stop();
  }
  printMedians({ bench: name, results, connections: CONNECTIONS, primary: VOLLEY_PINNED, unrated: VOLLEY_TWO_WORKERS, log });

  // wrk is optional (its absence was reported); any other leg that did not produce figures means the harness broke.
  const broken = [...results].filter(([label, r]) => r.errors.length > 0 && !(label === 'wrk' && wrk === null));
  if (broken.length > 0) {
    throw new Error(broken.map(([label, r]) => `${label}: ${r.errors[0].split('\n')[0]}`).join('; '));
  }
}
