/**
 * How long a worker thread takes to start and load one of volley's worker entry modules, measured
 * in the harness's own process: the part of "lifecycle load" and "workers ready" (startup
 * benchmark) that comes before any scenario code runs. What is left of those phases is the
 * scenario's init (evaluating the bundle) and the messages around it.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../../dist/', import.meta.url);
/** The entry modules volley starts its threads with (src/coordinator/worker-pool.ts, lifecycle-client.ts). */
export const WORKER_ENTRIES = {
  load: new URL('volley-load-worker.js', DIST).href,
  lifecycle: new URL('volley-lifecycle.js', DIST).href,
};
const TIMEOUT_MS = 30_000;

/**
 * Milliseconds from `new Worker()` to the entry module having been imported in it (`entryHref`
 * null: an empty thread, the floor). The entry waits for messages once loaded, so the thread is
 * terminated right after it reports.
 */
export async function timeWorkerBoot(entryHref) {
  // An eval'd worker is CommonJS: it imports the ESM entry and reports once that resolved.
  const report = "require('node:worker_threads').parentPort.postMessage('loaded')";
  const code = entryHref === null ? report : `import(${JSON.stringify(entryHref)}).then(() => ${report})`;
  const started = performance.now();
  const worker = new Worker(code, { eval: true, stdout: true, stderr: true });
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${entryHref ? fileURLToPath(entryHref) : 'an empty worker'} did not start within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      worker.once('message', () => resolve(clearTimeout(timer)));
      worker.once('error', (error) => reject(error, clearTimeout(timer)));
    });
    return performance.now() - started;
  } finally {
    await worker.terminate();
  }
}
