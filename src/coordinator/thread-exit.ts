/**
 * Ending a worker thread without losing its output: a thread that exits by itself delivers what it
 * wrote to stdout/stderr first, while terminate() drops it. So wait for the thread's own exit, and
 * terminate only past a deadline (a thread stuck in user code).
 */
import type { Worker } from 'node:worker_threads';

const EXIT_GRACE_MS = 2000;

/** Resolves once `worker` has exited: by itself within the grace period, or terminated after it. */
export function awaitExit(worker: Worker, graceMs = EXIT_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    if (worker.threadId === -1) return resolve();
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
