/**
 * SIGINT/SIGTERM during a run: the first stops gracefully (running iterations get gracefulStop),
 * the second stops at once. Either way the run still writes its summary and exports (exit 105).
 * A stop through the control API (`PATCH /v1/status {"stopped": true}`) counts as a first signal.
 * Before the load starts (compile, init, setup) there is nothing to be graceful about: `signal`
 * aborts at the first stop, and those phases end at once on it (StoppedError, 105).
 */
import type { Io } from '../io.js';
import { StoppedError } from '../errors.js';

export interface Stoppable {
  stop(hard: boolean): void;
}

export class StopControl {
  private signals = 0;
  private target: Stoppable | undefined;
  private readonly stopped = new AbortController();
  private readonly unsubscribe: () => void;
  private readonly io: Io;
  constructor(io: Io) {
    this.io = io;
    this.unsubscribe = io.onSignal((signal) => {
      this.signals++;
      const hard = this.signals > 1;
      // Before the load (no target yet) a first signal ends the start-up at once, not gracefully.
      const how = hard ? ' again: stopping now' : this.target ? ': stopping gracefully (again to stop at once)' : ': stopping';
      io.stderr.write(`\n${signal}${how}\n`);
      this.stopped.abort();
      this.target?.stop(hard);
    });
  }
  /** A graceful stop asked from outside by other means than a signal (`source` names it); ignored once stopping. */
  requestStop(source: string): void {
    if (this.signals > 0) return;
    this.signals++;
    this.io.stderr.write(`\n${source}: stopping gracefully (^C to stop at once)\n`);
    this.stopped.abort();
    this.target?.stop(false);
  }
  /** True once a stop signal (or requestStop) arrived. */
  get requested(): boolean {
    return this.signals > 0;
  }
  /** Aborts at the first stop signal (or requestStop). */
  get signal(): AbortSignal {
    return this.stopped.signal;
  }
  /** What the next signal stops; a signal that came earlier is applied at once, unless `replay` is false. */
  attach(target: Stoppable | undefined, replay = true): void {
    this.target = target;
    if (target && replay && this.signals > 0) target.stop(this.signals > 1);
  }
  dispose(): void {
    this.unsubscribe();
  }
}

/** `work`'s outcome, or a StoppedError naming `phase` as soon as `stop` aborts (what `work` still yields is then dropped). */
export function unlessStopped<T>(work: Promise<T>, stop: AbortSignal | undefined, phase: string): Promise<T> {
  if (!stop) return work;
  if (stop.aborted) return Promise.reject(new StoppedError(phase));
  return new Promise<T>((resolve, reject) => {
    const onStop = () => reject(new StoppedError(phase));
    stop.addEventListener('abort', onStop, { once: true });
    work.then(resolve, reject).finally(() => stop.removeEventListener('abort', onStop));
  });
}
