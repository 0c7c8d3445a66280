/**
 * The worker-wide pause of the control API (`PATCH /v1/status {"paused": true}`): while closed, no
 * iteration starts in any scenario; running ones finish. VUs check `closed` before each iteration
 * (one boolean read on the hot path) and only when it is closed wait for `opened()`.
 */
export class PauseGate {
  private waiters: ((opened: boolean) => void)[] | undefined;

  /** True while paused. */
  get closed(): boolean {
    return this.waiters !== undefined;
  }

  set(paused: boolean): void {
    if (paused) this.waiters ??= [];
    else this.wake(true, undefined);
  }

  /** Resolves true once the gate opens (at once when open), false when the waiters are released. */
  opened(): Promise<boolean> {
    const waiters = this.waiters;
    if (!waiters) return Promise.resolve(true);
    return new Promise((resolve) => waiters.push(resolve));
  }

  /**
   * The run is stopping while paused: the waiting VUs give up their iteration instead of waiting for
   * a resume (executors start no new iteration once stopping, so none waits again).
   */
  release(): void {
    if (this.waiters) this.wake(false, []);
  }

  private wake(opened: boolean, next: ((opened: boolean) => void)[] | undefined): void {
    const waiters = this.waiters;
    this.waiters = next;
    for (const resolve of waiters ?? []) resolve(opened);
  }
}
