/**
 * The abort signal of a VU's current iteration. Interrupting one iteration (gracefulRampDown, a
 * VU returned to an arrival-rate pool) aborts its signal and arms a fresh one, so the VU can run
 * again; retiring the VU aborts it for good. Clients read `signal` per request, so they follow.
 */
export interface SignalSource {
  readonly signal: AbortSignal;
}

export class IterationSignal implements SignalSource {
  private controller = new AbortController();
  private retired = false;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Aborts the current iteration's signal; later iterations get a fresh one. */
  abortIteration(): void {
    if (this.retired) return;
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Aborts for good: every later read sees an aborted signal. */
  retire(): void {
    this.retired = true;
    this.controller.abort();
  }
}
