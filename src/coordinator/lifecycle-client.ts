/**
 * The coordinator's side of the lifecycle worker: one request at a time, each answered by one
 * message; a request may carry a timeout (setup/teardown) and a stop signal (^C before the load),
 * either of which terminates the worker: the script's code in it may never yield.
 * Counterpart of {@link file://./../lifecycle/entry.ts}.
 */
import type { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { FromLifecycle, ToLifecycle } from '../ipc/messages.js';
import { EngineError, StoppedError, VolleyError, deserializeError } from '../errors.js';
import { forwardLines } from './thread-output.js';
import { awaitExit } from './thread-exit.js';
import { lifecycleThread } from './warm-threads.js';
import { setLongTimeout } from '../long-timeout.js';
import { describeThreadError } from './thread-failure.js';

type Reply = Exclude<FromLifecycle, { type: 'testControl' } | { type: 'error' }>;

/** What ends a request early. */
export interface RequestLimits {
  /** Past it, the worker is terminated and `onTimeout()` thrown (an EngineError without it). */
  timeoutMs?: number;
  onTimeout?: () => VolleyError;
  /** When it aborts (or has), the worker is terminated and a StoppedError (105) thrown. */
  stop?: AbortSignal;
}

/** What each request runs of the script, as a StoppedError names it. */
const PHASES: Record<Exclude<ToLifecycle['type'], 'exit'>, string> = { load: 'init', setup: 'setup()', teardown: 'teardown()', handleSummary: 'handleSummary()' };

const OUT_OF_MEMORY_REMEDY = 'keep less in module-level state (init code runs in this thread too), setup() or handleSummary()';

export class LifecycleClient {
  private readonly worker: Worker;
  private readonly flushers: (() => void)[];
  private pending: { resolve: (m: Reply) => void; reject: (e: VolleyError) => void; phase: string } | undefined;
  private closed = false;
  /** Why the thread was terminated before its time (a timeout, a stop): later requests fail at once with it. */
  private endedBy: string | undefined;
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
    this.worker.on('error', (err) => this.fail(new EngineError(`the lifecycle thread ${describeThreadError(err, OUT_OF_MEMORY_REMEDY)}`)));
    this.worker.on('exit', () => this.fail(new EngineError('the lifecycle worker exited unexpectedly')));
  }

  /** Sends a request and awaits its reply, unless `limits` end it first (see RequestLimits). */
  async request<T extends Reply['type']>(msg: Exclude<ToLifecycle, { type: 'exit' }>, expect: T, limits: RequestLimits = {}): Promise<Extract<Reply, { type: T }>> {
    if (limits.stop?.aborted) throw new StoppedError(PHASES[msg.type]);
    if (this.closed) throw new EngineError(`${PHASES[msg.type]} could not run: the lifecycle thread was ended${this.endedBy ? ` (${this.endedBy})` : ''}`);
    const reply = new Promise<Reply>((resolve, reject) => (this.pending = { resolve, reject, phase: PHASES[msg.type] }));
    this.used = true;
    this.worker.postMessage(msg);
    const cut = this.cutShort(msg, limits);
    try {
      const m = await Promise.race([reply, cut.ended]);
      if (m.type !== expect) throw new EngineError(`lifecycle worker answered ${m.type} to ${msg.type}`);
      return m as Extract<Reply, { type: T }>;
    } finally {
      cut.clear();
    }
  }

  /** A stop at once (a second ^C): the request in progress throws a StoppedError, the thread is terminated. */
  interrupt(): void {
    const p = this.pending;
    if (!p || this.closed) return;
    this.pending = undefined;
    const err = new StoppedError(p.phase);
    this.endedBy = err.message;
    void this.close(true);
    p.reject(err);
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

  /** A promise that rejects when a limit ends the request (terminating the worker), and the function that disarms it. */
  private cutShort(msg: Exclude<ToLifecycle, { type: 'exit' }>, { timeoutMs, onTimeout, stop }: RequestLimits): { ended: Promise<never>; clear(): void } {
    let clear = () => {};
    const ended = new Promise<never>((_, reject) => {
      const end = (err: VolleyError) => {
        this.endedBy = err.message;
        void this.close(true);
        reject(err);
      };
      const onStop = () => end(new StoppedError(PHASES[msg.type]));
      const cancelTimer = timeoutMs === undefined ? undefined : setLongTimeout(() => end(onTimeout?.() ?? new EngineError(`the lifecycle worker did not answer ${msg.type}`)), timeoutMs);
      stop?.addEventListener('abort', onStop, { once: true });
      clear = () => {
        cancelTimer?.();
        stop?.removeEventListener('abort', onStop);
      };
    });
    return { ended, clear };
  }

  private fail(err: EngineError): void {
    if (this.closed) return;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(err);
  }
}
