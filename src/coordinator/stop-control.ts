/**
 * SIGINT/SIGTERM during a run: the first stops gracefully (running iterations get gracefulStop),
 * the second stops at once. Either way the run still writes its summary and exports (exit 105).
 * A stop through the control API (`PATCH /v1/status {"stopped": true}`) counts as a first signal.
 */
import type { Io } from '../io.js';

export interface Stoppable {
  stop(hard: boolean): void;
}

export class StopControl {
  private signals = 0;
  private target: Stoppable | undefined;
  private readonly unsubscribe: () => void;
  private readonly io: Io;
  constructor(io: Io) {
    this.io = io;
    this.unsubscribe = io.onSignal((signal) => {
      this.signals++;
      const hard = this.signals > 1;
      io.stderr.write(hard ? `\n${signal} again: stopping now\n` : `\n${signal}: stopping gracefully (again to stop at once)\n`);
      this.target?.stop(hard);
    });
  }
  /** A graceful stop asked from outside by other means than a signal (`source` names it); ignored once stopping. */
  requestStop(source: string): void {
    if (this.signals > 0) return;
    this.signals++;
    this.io.stderr.write(`\n${source}: stopping gracefully (^C to stop at once)\n`);
    this.target?.stop(false);
  }
  /** True once a stop signal (or requestStop) arrived. */
  get requested(): boolean {
    return this.signals > 0;
  }
  /** What the next signal stops; a signal that came earlier is applied at once. */
  attach(target: Stoppable | undefined): void {
    this.target = target;
    if (target && this.signals > 0) target.stop(this.signals > 1);
  }
  dispose(): void {
    this.unsubscribe();
  }
}
