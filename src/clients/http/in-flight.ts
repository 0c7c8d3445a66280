/**
 * A VU's in-flight requests and their deadlines, with one timer for all of them. A timer per
 * request (setTimeout + clearTimeout every time) is measurable at tens of thousands of requests a
 * second; here the timer is armed for the earliest deadline and, as requests share one timeout in
 * practice, fires about once per timeout period to find the next earliest. The same set lets an
 * interrupt reach every request without an abort listener per request.
 */
import { MAX_TIMER_MS } from '../../long-timeout.js';

/** What the tracker needs from a request. */
export interface Tracked {
  /** ctx.now() value after which the request has timed out. */
  readonly deadline: number;
  /** The tracker's bookkeeping: the request's index in the list, -1 when not tracked. */
  slot: number;
  /** The deadline passed: fail the request (it removes itself). */
  expire(): void;
  /** The VU stopped: end the request now (it removes itself). */
  interrupt(): void;
}

/**
 * The in-flight requests of one VU, with a shared deadline timer. An array with swap-removal rather
 * than a Set: a Set that goes from one entry to none and back reallocates its table every request.
 */
export class InFlight {
  readonly #requests: Tracked[] = [];
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #armedFor = Number.POSITIVE_INFINITY;
  /** Called once the last request leaves (set only while someone waits: rare, see idle()). */
  #onEmpty: (() => void) | undefined;

  constructor(now: () => number) {
    this.#now = now;
  }

  get size(): number {
    return this.#requests.length;
  }

  add(request: Tracked): void {
    request.slot = this.#requests.length;
    this.#requests.push(request);
    if (request.deadline < this.#armedFor) this.#arm(request.deadline);
  }

  /** Forgets a finished request; the timer stays armed and sorts itself out when it fires. */
  delete(request: Tracked): void {
    const list = this.#requests;
    const slot = request.slot;
    if (slot < 0 || list[slot] !== request) return;
    const last = list.pop()!;
    if (last !== request) {
      list[slot] = last;
      last.slot = slot;
    }
    request.slot = -1;
    if (list.length === 0 && this.#onEmpty !== undefined) {
      const wake = this.#onEmpty;
      this.#onEmpty = undefined;
      wake();
    }
  }

  /** Resolves once no request is in flight (for an iteration that did not await its requests). */
  idle(): Promise<void> {
    if (this.#requests.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const before = this.#onEmpty;
      this.#onEmpty = before === undefined ? resolve : () => (before(), resolve());
    });
  }

  /** Interrupts every in-flight request. */
  interruptAll(): void {
    for (const r of [...this.#requests]) r.interrupt();
  }

  /** Stops the timer (the VU is retiring). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#armedFor = at;
    // Timers only keep time to the millisecond, and hold 24.8 days at most; firing early just re-arms for the rest.
    this.#timer = setTimeout(this.#fire, Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(at - this.#now()))));
    this.#timer.unref();
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    this.#armedFor = Number.POSITIVE_INFINITY;
    const now = this.#now();
    let next = Number.POSITIVE_INFINITY;
    // expire() removes the request (the last one moves into its slot), so walk a copy.
    for (const r of [...this.#requests]) {
      if (r.deadline <= now) r.expire();
      else if (r.deadline < next) next = r.deadline;
    }
    if (next !== Number.POSITIVE_INFINITY) this.#arm(next);
  };
}
