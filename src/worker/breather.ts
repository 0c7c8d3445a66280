/**
 * Keeps a worker's event loop alive under iterations that never await anything real: an async
 * iteration that resolves at once only yields to microtasks, which would starve the timers that
 * flush metrics and the port that receives `stop`. A light interval marks every turn of the event
 * loop; when none came for ~10 ms, the next iteration waits for one macrotask turn.
 */
const SLICE_MS = 10;

export class Breather {
  private lastTurn = performance.now();
  private readonly timer: NodeJS.Timeout;
  constructor() {
    this.timer = setInterval(() => (this.lastTurn = performance.now()), SLICE_MS / 2);
    this.timer.unref();
  }
  /** undefined when no pause is due (the common case: no allocation). */
  breathe(): Promise<void> | undefined {
    if (performance.now() - this.lastTurn < SLICE_MS) return undefined;
    return new Promise((resolve) => setImmediate(resolve));
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
