/**
 * The coordinator's side of the lifecycle worker: one request at a time, each answered by one
 * message; a request may carry a timeout (setup/teardown), after which the worker is terminated.
 * Counterpart of {@link file://./../lifecycle/entry.ts}.
 */
import type { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { FromLifecycle, ToLifecycle } from '../ipc/messages.js';
import { EngineError, VolleyError, deserializeError } from '../errors.js';
import { forwardLines } from './thread-output.js';
import { awaitExit } from './thread-exit.js';
import { lifecycleThread } from './warm-threads.js';
import { setLongTimeout } from '../long-timeout.js';

type Reply = Exclude<FromLifecycle, { type: 'testControl' } | { type: 'error' }>;

export class LifecycleClient {
  private readonly worker: Worker;
  private readonly flushers: (() => void)[];
  private pending: { resolve: (m: Reply) => void; reject: (e: VolleyError) => void } | undefined;
  private closed = false;
  private used = false;

  constructor(log: Writable, onTestControl: (action: 'abort' | 'fail', reason: string) => void) {
    this.worker = lifecycleThread();
    this.flushers = [forwardLines(this.worker.stdout, log, ''), forwardLines(this.worker.stderr, log, '')];
    this.worker.on('message', (msg: FromLifecycle) => {
      if (msg.type === 'testControl') return onTestControl(msg.action, msg.reason);
      const p = this.pending;
      this.pending = undefined;
      if (msg.type === 'error') p?.reject(deserializeError(msg.error));
      else p?.resolve(msg);
    });
    this.worker.on('error', (err) => this.fail(new EngineError(`the lifecycle worker failed: ${err.stack ?? String(err)}`)));
    this.worker.on('exit', () => this.fail(new EngineError('the lifecycle worker exited unexpectedly')));
  }

  /** Sends a request and awaits its reply; past `timeoutMs`, terminates the worker and throws `onTimeout()`. */
  async request<T extends Reply['type']>(msg: ToLifecycle, expect: T, timeoutMs?: number, onTimeout?: () => VolleyError): Promise<Extract<Reply, { type: T }>> {
    const reply = new Promise<Reply>((resolve, reject) => (this.pending = { resolve, reject }));
    this.used = true;
    this.worker.postMessage(msg);
    let cancelTimeout: (() => void) | undefined;
    const timeout = timeoutMs === undefined ? undefined : new Promise<never>((_, reject) => {
      cancelTimeout = setLongTimeout(() => {
        void this.close(true);
        reject(onTimeout ? onTimeout() : new EngineError(`the lifecycle worker did not answer ${msg.type}`));
      }, timeoutMs);
    });
    try {
      const m = await (timeout ? Promise.race([reply, timeout]) : reply);
      if (m.type !== expect) throw new EngineError(`lifecycle worker answered ${m.type} to ${msg.type}`);
      return m as Extract<Reply, { type: T }>;
    } finally {
      cancelTimeout?.();
    }
  }

  /**
   * Lets the worker exit by itself (delivering its output), or terminates it at once when `force`
   * (a stage timed out) or when it was never asked anything (the compile failed: no output to wait for).
   */
  async close(force = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (force || !this.used) await this.worker.terminate();
    else {
      this.worker.postMessage({ type: 'exit' } satisfies ToLifecycle);
      await awaitExit(this.worker);
    }
    for (const flush of this.flushers) flush();
  }

  private fail(err: EngineError): void {
    if (this.closed) return;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(err);
  }
}
