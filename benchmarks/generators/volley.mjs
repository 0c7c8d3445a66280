/**
 * volley itself as one benchmark leg: `bin/volley.mjs run` in a child process, exactly as a user
 * runs it (compile, workers, summary), with the figure read from `--summary-export`.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild, tail } from '../harness/child.mjs';
import { atExit } from '../harness/cleanup.mjs';
import { makeWorkDir } from '../harness/work-dir.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'volley.mjs');
const BUILT_CLI = join(ROOT, 'dist', 'cli', 'main.js');
/** Compiling the scenario and starting workers come on top of the measured duration. */
const STARTUP_ALLOWANCE_S = 60;

/** Why volley cannot run here (no CLI, no build), or null when it can; checked once, before any round. */
export function volleyUnavailableReason() {
  if (!existsSync(CLI)) return `${CLI} does not exist yet (the engine is not in this checkout)`;
  if (!existsSync(BUILT_CLI)) return `${BUILT_CLI} is missing: run \`npm run build\` first`;
  return null;
}

/** A warning when src/ has changed since dist/ was built, since the figures would describe old code. */
export function staleBuildWarning() {
  const built = statSync(BUILT_CLI).mtimeMs;
  const newer = newestMtime(join(ROOT, 'src'));
  return newer > built ? 'src/ is newer than dist/: figures are for the last build (run `npm run build`)' : null;
}

/** A benchmark's first step: throws when there is no volley build to measure, and warns (through `log`) when it is stale. */
export function requireBuiltVolley(log) {
  const unavailable = volleyUnavailableReason();
  if (unavailable) throw new Error(unavailable);
  const stale = staleBuildWarning();
  if (stale) log(`bench: warning: ${stale}`);
}

/**
 * Runs `volley run SCENARIO --vus N --duration Ss --workers W --quiet --summary-export F -e TARGET=URL`
 * (pinned to `cpu` when given; with `--out KIND=<scratch file>` for each of `outs`) and returns
 * the rate of `metric` (`http_reqs` unless told: `metrics.<metric>.values.rate`). A non-zero exit
 * is a broken harness, not a slow run: it throws with the exit code and volley's own last lines.
 */
export async function runVolley({ scenario, url, connections, durationS, workers, cpu, outs = [], metric = 'http_reqs' }) {
  const dir = makeWorkDir('volley-');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forget = atExit(removeDir);
  const summaryPath = join(dir, 'summary.json');
  try {
    const args = [CLI, 'run', scenario, '--vus', String(connections), '--duration', `${durationS}s`];
    args.push('--workers', String(workers), '--quiet', '--summary-export', summaryPath, '-e', `TARGET=${url}`);
    for (const kind of outs) args.push('--out', `${kind}=${join(dir, `series.${kind}`)}`);
    const timeoutMs = (durationS + STARTUP_ALLOWANCE_S) * 1000;
    const result = await runChild(process.execPath, args, { cpu, cwd: ROOT, timeoutMs });
    if (result.code !== 0 || result.timedOut) {
      const how = result.timedOut ? 'was killed after its time limit' : `exited ${result.code ?? result.signal}`;
      throw new Error(`volley ${how}: ${['node', ...args].join(' ')}\n${tail(`${result.stdout}\n${result.stderr}`)}`);
    }
    return readFigure(summaryPath, metric);
  } finally {
    forget();
    removeDir();
  }
}

function readFigure(summaryPath, metric) {
  if (!existsSync(summaryPath)) throw new Error(`volley exited 0 but wrote no summary to ${summaryPath}`);
  const metrics = JSON.parse(readFileSync(summaryPath, 'utf8')).metrics ?? {};
  const reqs = metrics[metric]?.values;
  if (!reqs || !Number.isFinite(reqs.rate)) throw new Error(`volley summary has no metrics.${metric}.values.rate`);
  const failed = metrics.http_req_failed?.values?.passes ?? 0;
  const checkFails = metrics.checks?.values?.fails ?? 0;
  return { rps: reqs.rate, requests: reqs.count, failures: Math.max(failed, checkFails) };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}
