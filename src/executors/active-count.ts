/**
 * The `vus` count an executor reports through `ctx.setActiveVUs`: it follows VUs as they are taken
 * and released, and reports only changes. A batch (one schedule step moving several VUs) reports
 * once at its end, so the gauge never shows the half-applied step.
 */
import type { ExecutorContext } from './types.js';

export class ActiveCount {
  private readonly ctx: ExecutorContext;
  private held = 0;
  /** Undefined until the first report: the engine starts by counting every VU active. */
  private reported: number | undefined;
  private batching = false;

  constructor(ctx: ExecutorContext) {
    this.ctx = ctx;
  }

  /** A VU taken (+1) or released (−1). */
  readonly add = (delta: number): void => {
    this.held += delta;
    if (!this.batching) this.flush();
  };

  /** Runs `fn`, reporting the count once afterwards. */
  batch(fn: () => void): void {
    this.batching = true;
    try {
      fn();
    } finally {
      this.batching = false;
      this.flush();
    }
  }

  /** Reports the count if it changed since the last report (or was never reported). */
  flush(): void {
    if (this.held === this.reported) return;
    this.reported = this.held;
    this.ctx.setActiveVUs(this.held);
  }
}
