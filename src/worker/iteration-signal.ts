/**
 * A VU's interruptions. Interrupting one iteration (gracefulRampDown, a VU returned to an
 * arrival-rate pool) ends what is in flight — its sleep, its clients' requests — and the VU can run
 * again; retiring the VU ends it for good, and every later sleep or request ends at once.
 *
 * No AbortController: per VU it costs an EventTarget with its maps, and every sleep through
 * `timers/promises` with a signal adds a listener that lives as long as the sleep (a second, so it
 * is promoted and dies in old space). A VU sleeps once at a time: one reusable timer does it.
 */
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { Interrupts } from '../clients/types.js';

export class IterationSignal implements Interrupts {
  retired = false;
  /** The clients to interrupt: usually one (the VU's http client), so an array only for more. */
  #listener: (() => void) | undefined;
  #more: (() => void)[] | undefined;
  /** The VU's sleep timer, kept and re-armed with refresh() while the duration stays the same. */
  #timer: NodeJS.Timeout | undefined;
  #timerMs = 0;
  /** Resolves the sleep in progress; undefined when none. */
  #wake: (() => void) | undefined;
  /** For a second sleep while one is in progress (Promise.all of two sleeps): the general path. */
  #controller: AbortController | undefined;
  /** The sleep in progress (while #wake is set), and those beside it: for an iteration that did not await them. */
  #current: Promise<void> | undefined;
  #beside: Set<Promise<void>> | undefined;

  onInterrupt(listener: () => void): void {
    if (this.#listener === undefined) this.#listener = listener;
    else (this.#more ??= []).push(listener);
  }

  offInterrupt(listener: () => void): void {
    if (this.#listener === listener) this.#listener = this.#more?.shift();
    else {
      const i = this.#more?.indexOf(listener) ?? -1;
      if (i >= 0) this.#more!.splice(i, 1);
    }
  }

  /** Waits `ms`, or until the next interrupt, whichever comes first; never rejects. */
  sleep(ms: number): Promise<void> {
    if (this.retired) return Promise.resolve();
    if (this.#wake !== undefined) return this.#sleepBeside(ms);
    return (this.#current = new Promise<void>((resolve) => {
      this.#wake = resolve;
      if (this.#timer !== undefined && this.#timerMs === ms) this.#timer.refresh();
      else {
        clearTimeout(this.#timer);
        this.#timer = setTimeout(this.#onTimer, ms);
        this.#timerMs = ms;
      }
    }));
  }

  /** True while a sleep is in progress. */
  get sleeping(): boolean {
    return this.#wake !== undefined || (this.#beside?.size ?? 0) > 0;
  }

  /** Resolves once the sleeps in progress now have ended. */
  async idle(): Promise<void> {
    await Promise.all([this.#wake === undefined ? undefined : this.#current, ...(this.#beside ?? [])]);
  }

  /** Interrupts the current iteration; later iterations run normally. */
  abortIteration(): void {
    if (this.retired) return;
    this.#interrupt();
  }

  /** Interrupts for good. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.#interrupt();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #interrupt(): void {
    const wake = this.#wake;
    if (wake !== undefined) {
      this.#wake = undefined;
      clearTimeout(this.#timer);
      // The kept timer is cleared, not refreshed: the next sleep arms a new one.
      this.#timer = undefined;
      wake();
    }
    this.#controller?.abort();
    this.#controller = undefined;
    const first = this.#listener;
    const more = this.#more === undefined ? undefined : [...this.#more];
    first?.();
    if (more !== undefined) for (const l of more) l();
  }

  readonly #onTimer = (): void => {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  };

  #sleepBeside(ms: number): Promise<void> {
    const signal = (this.#controller ??= new AbortController()).signal;
    const beside = (this.#beside ??= new Set());
    const sleep = sleepMs(ms, undefined, { signal }).then(
      () => void beside.delete(sleep),
      () => void beside.delete(sleep),
    );
    beside.add(sleep);
    return sleep;
  }
}
