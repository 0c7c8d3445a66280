/**
 * The load workers' lifecycle on the coordinator side: start N worker threads, send typed messages,
 * receive typed messages, notice a worker that dies, and end one that no longer answers. Counterpart
 * of {@link file://./../worker/entry.ts}.
 */
import type { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { FromWorker, ToWorker } from '../ipc/messages.js';
import { forwardLines } from './thread-output.js';
import { awaitExit } from './thread-exit.js';
import { loadWorkerThread } from './warm-threads.js';
import { describeThreadError } from './thread-failure.js';

/** How a worker died: the error, described for the user, or else its exit code. */
export type DeathCause = { error: string } | { code: number };

/** Receives every message, and each worker that died (exited without being asked to). */
export interface PoolListener {
  onMessage(msg: FromWorker): void;
  /** Called once the worker's messages have all arrived. */
  onDeath(index: number, cause: DeathCause): void;
}

const OUT_OF_MEMORY_REMEDY = 'keep less per VU or in module-level state, or spread the VUs over more workers (--workers)';

export class WorkerPool {
  private readonly workers: Worker[];
  private readonly flushers: (() => void)[] = [];
  /** Workers ended on purpose (end()): their exit is no death. */
  private readonly ended = new Set<number>();
  private closing = false;

  constructor(count: number, listener: PoolListener, log: Writable) {
    this.workers = Array.from({ length: count }, (_, i) => {
      const worker = loadWorkerThread();
      const prefix = count > 1 ? `[worker ${i + 1}] ` : '';
      this.flushers.push(forwardLines(worker.stdout, log, prefix), forwardLines(worker.stderr, log, prefix));
      worker.on('message', (msg: FromWorker) => listener.onMessage(msg));
      let error: string | undefined;
      worker.on('error', (err) => (error = describeThreadError(err, OUT_OF_MEMORY_REMEDY)));
      worker.on('exit', (code) => {
        if (!this.closing && !this.ended.has(i)) listener.onDeath(i, error === undefined ? { code } : { error });
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

  /** Terminates one worker now (its event loop is blocked: it cannot exit by itself); what it had not sent is lost. */
  end(index: number): void {
    this.ended.add(index);
    void this.workers[index]?.terminate();
  }

  /**
   * Ends every worker (each exits by itself once done, or is terminated past a grace; at once when
   * `now`) and flushes its output. Safe to call twice.
   */
  async close(now = false): Promise<void> {
    this.closing = true;
    this.broadcast({ type: 'exit' });
    await Promise.all(this.workers.map((w) => (now ? w.terminate() : awaitExit(w))));
    for (const flush of this.flushers) flush();
  }
}
