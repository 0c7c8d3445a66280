/**
 * Worker threads started before they are needed: `bin/volley.mjs` starts the lifecycle thread and
 * the load threads a `run` will probably use at process start, so their module loading overlaps the
 * CLI's own start-up and the compile instead of following them. LifecycleClient and WorkerPool take
 * threads from here (or start fresh ones when none is warm); the unused ones are terminated by
 * `releaseWarmThreads` once the plan is known or the run ends early. A thread has no work and sends
 * nothing until it is sent its first message, so taking it later loses nothing.
 * Imports only node built-ins (and install-paths): it loads before the CLI.
 */
import { Worker } from 'node:worker_threads';
import { distFile } from '../install-paths.js';
import type { LoadThreadData } from '../ipc/messages.js';

/** The threads' entry points: bundles (bin/build-bundles.mjs), one file each plus shared chunks. */
export const LIFECYCLE_ENTRY = distFile('volley-lifecycle.js');
export const LOAD_WORKER_ENTRY = distFile('volley-load-worker.js');

/**
 * The V8 heap limits of every thread that runs user code (the load workers and the lifecycle
 * thread): a script that allocates without bound meets this cap and a clear message
 * (thread-failure.ts) instead of growing the process to Node's default limit. V8 sizes the old
 * generation's headroom for garbage from its limit: with Node's default (4 GB here) a heap may grow
 * to 4 × its live size between full collections, at 1 GB ≈ 1.6 × (heap-controller.cc,
 * MaxGrowingFactor). A VU's per-request objects live across its sleep, are promoted and die in old
 * space, so that factor sets most of the RSS per VU: 50.8 → 22.5 KB/VU in the memory bench. 1 GB
 * holds ≈ 60,000 connected VUs per worker (≈ 10 KB live each, plus headroom). A 12 MB young
 * generation (Node's default 48) takes 35–50 MB off each run's RSS (memory bench, 1,000 and 10,000
 * VUs) with no throughput loss measured.
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 12 };

interface WarmThread {
  worker: Worker;
  exited: boolean;
}

const warm: { lifecycle: WarmThread[]; load: WarmThread[] } = { lifecycle: [], load: [] };

function start(entry: URL, data?: LoadThreadData): Worker {
  return new Worker(entry, { stdout: true, stderr: true, resourceLimits: WORKER_HEAP, ...(data && { workerData: data }) });
}

function startWarm(entry: URL, data?: LoadThreadData): WarmThread {
  const thread: WarmThread = { worker: start(entry, data), exited: false };
  // A warm thread that fails to load is replaced when taken (the fresh one reports the failure to its owner).
  thread.worker.once('error', () => {});
  thread.worker.once('exit', () => (thread.exited = true));
  return thread;
}

function take(list: WarmThread[], entry: URL): Worker {
  for (let t = list.shift(); t; t = list.shift()) {
    if (!t.exited) return t.worker;
  }
  return start(entry);
}

/** Starts the lifecycle thread (when `lifecycle`) and `load` load-worker threads now; these warm up their request path unless `warmUpRequests` is false. */
export function warmThreads(lifecycle: boolean, load: number, warmUpRequests = true): void {
  if (lifecycle) warm.lifecycle.push(startWarm(LIFECYCLE_ENTRY));
  for (let i = 0; i < load; i++) warm.load.push(startWarm(LOAD_WORKER_ENTRY, { warmUp: warmUpRequests }));
}

/** A lifecycle thread: the warm one, or a new one. */
export function lifecycleThread(): Worker {
  return take(warm.lifecycle, LIFECYCLE_ENTRY);
}

/** A load-worker thread: a warm one, or a new one. */
export function loadWorkerThread(): Worker {
  return take(warm.load, LOAD_WORKER_ENTRY);
}

/** How many warm threads nobody took yet (tests check that none is left behind). */
export function warmThreadCount(): number {
  return warm.lifecycle.length + warm.load.length;
}

/** Terminates the warm threads nobody took (more load threads than the plan needs, or a run that ended before using them). */
export async function releaseWarmThreads(): Promise<void> {
  const spare = [...warm.lifecycle.splice(0), ...warm.load.splice(0)];
  await Promise.all(spare.map((t) => t.worker.terminate()));
}
