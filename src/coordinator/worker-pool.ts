/**
 * The load workers' lifecycle on the coordinator side: start N worker threads, send typed messages,
 * receive typed messages, and notice a worker that dies. Counterpart of
 * {@link file://./../worker/entry.ts}.
 */
import type { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { FromWorker, ToWorker } from '../ipc/messages.js';
import { EngineError } from '../errors.js';
import { forwardLines } from './thread-output.js';
import { awaitExit } from './thread-exit.js';
import { loadWorkerThread, WORKER_HEAP } from './warm-threads.js';

/** Receives every message and the first fatal engine failure. */
export interface PoolListener {
  onMessage(msg: FromWorker): void;
  onFailure(err: EngineError): void;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private readonly flushers: (() => void)[] = [];
  private closing = false;

  constructor(count: number, listener: PoolListener, log: Writable) {
    this.workers = Array.from({ length: count }, (_, i) => {
      const worker = loadWorkerThread();
      const prefix = count > 1 ? `[worker ${i + 1}] ` : '';
      this.flushers.push(forwardLines(worker.stdout, log, prefix), forwardLines(worker.stderr, log, prefix));
      worker.on('message', (msg: FromWorker) => listener.onMessage(msg));
      worker.on('error', (err) => listener.onFailure(new EngineError(`worker ${i + 1} ${describeWorkerError(err)}`)));
      worker.on('exit', (code) => {
        if (!this.closing) listener.onFailure(new EngineError(`worker ${i + 1} exited unexpectedly (code ${code})`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  send(index: number, msg: ToWorker): void {
    this.workers[index]?.postMessage(msg);
  }

  broadcast(msg: ToWorker): void {
    for (const w of this.workers) w.postMessage(msg);
  }

  /** Ends every worker (each exits by itself once done, or is terminated past a grace) and flushes its output. Safe to call twice. */
  async close(): Promise<void> {
    this.closing = true;
    this.broadcast({ type: 'exit' });
    await Promise.all(this.workers.map((w) => awaitExit(w)));
    for (const flush of this.flushers) flush();
  }
}

/** A dead worker as the user reads it: running out of heap is the script's doing and says what helps. */
function describeWorkerError(err: Error): string {
  if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `ran out of memory (a load worker's JavaScript heap is limited to ${WORKER_HEAP.maxOldGenerationSizeMb} MB): keep less per VU or in module-level state, or spread the VUs over more workers (--workers)`;
  }
  return `failed: ${err.stack ?? String(err)}`;
}
