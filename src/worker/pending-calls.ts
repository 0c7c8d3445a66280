/**
 * What one VU's iteration may leave running when its function's promise settles: requests its
 * clients have in flight, a sleep, a group. A k6 habit (`const res = http.get(url)`, where k6's call
 * blocks) leaves them un-awaited. As k6's event loop does, the iteration ends only once they have
 * ended, so they complete and are counted, and a VU never has more running than one iteration
 * started (memory stays bounded).
 *
 * Seeing that something is still running costs three field reads per iteration. Naming the call
 * takes a stack, so stacks are taken only in an iteration the worker asks to trace (after one ended
 * with calls running: unawaited-warnings.ts), never per request.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ClientOpener } from '../clients/registry.js';
import type { ProtocolClient } from '../clients/types.js';
import type { IterationSignal } from './iteration-signal.js';
import type { VuTagState } from './vu-tags.js';

/** The kinds of call an iteration can leave running: a protocol's name (`http`), `sleep` or `group`. */
export type CallKind = string;

/** A traced call still running when its iteration's function returned. */
export interface UnawaitedCall {
  kind: CallKind;
  /** `http.get()`, `sleep()`, `group()`. */
  call: string;
  /** Holds the stack taken at the call (formatted only when read). */
  site: Error;
}

interface TracedCall extends UnawaitedCall {
  done: boolean;
}

/** A client the VU opened, with its API for traced iterations (made the first time one uses it). */
interface OpenClient {
  readonly client: ProtocolClient;
  readonly opener: ClientOpener;
  traced: unknown;
}

function noop(): void {}

/** Frames enough to reach a group's body from a call nested in the user's own functions. */
const SITE_FRAMES = 40;
/** The frame of a group's body in a stack: iteration-context.ts's runGroup, which calls and awaits it. */
const IN_GROUP = /\bat (?:async )?runGroup /;

/** A stack taken at a call of a traced iteration: the Error keeps the frames, formatted only if read. */
export function captureSite(call: string): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = SITE_FRAMES;
  const site = new Error(call);
  Error.stackTraceLimit = limit;
  return site;
}

export class PendingCalls {
  /** Take a stack at every call of this iteration (set by the VU between iterations). */
  tracing = false;
  readonly #signal: IterationSignal;
  readonly #tags: VuTagState;
  readonly #clients: OpenClient[] = [];
  /** The outermost group started last: still running while the VU's group path is not the root. */
  #group: Promise<unknown> | undefined;
  #traced: TracedCall[] = [];

  constructor(signal: IterationSignal, tags: VuTagState) {
    this.#signal = signal;
    this.#tags = tags;
  }

  /** A client the VU's context opened (made on first use). */
  addClient(client: ProtocolClient, opener: ClientOpener): void {
    this.#clients.push({ client, opener, traced: undefined });
  }

  /** True while anything the iteration started is still running. */
  busy(): boolean {
    return this.#tags.group !== '' || this.#signal.sleeping || this.#clientBusy();
  }

  /** What is running now, by kind (for an untraced iteration: no call site known). */
  runningKinds(): CallKind[] {
    const kinds: CallKind[] = [];
    // An open WebSocket keeps the iteration running too, but it was not left un-awaited: only
    // protocols whose calls are awaited (they have wording for the warning) count here.
    for (const { client, opener } of this.#clients) if (opener.wording && client.busy()) kinds.push(opener.name);
    if (this.#signal.sleeping) kinds.push('sleep');
    if (this.#tags.group !== '') kinds.push('group');
    return kinds;
  }

  #clientBusy(): boolean {
    for (const open of this.#clients) if (open.client.busy()) return true;
    return false;
  }

  /** Resolves once nothing is running, including what a callback chained on a finished call started. */
  async drained(): Promise<void> {
    while (this.busy()) {
      // A group's rejection is the script's to handle; here it only ends the wait.
      await Promise.all([...this.#clients.map((c) => c.client.idle()), this.#signal.idle(), this.#group?.then(noop, noop)]);
      await nextTurn();
    }
  }

  /** Called by `group` before it enters a group: `promise` is the group's. */
  groupStarted(promise: Promise<unknown>, outermost: boolean): void {
    if (outermost) this.#group = promise;
  }

  /** Records a call of a traced iteration, with its stack (captureSite). */
  track(kind: CallKind, call: string, promise: Promise<unknown>, site: Error): void {
    const traced: TracedCall = { kind, call, site, done: false };
    this.#traced.push(traced);
    const done = () => void (traced.done = true);
    promise.then(done, done);
  }

  /** `client`'s API for a traced iteration: the same client, each call recorded with its stack. */
  tracedApi(client: ProtocolClient): unknown {
    const open = this.#clients.find((c) => c.client === client);
    const traced = open?.opener.traced;
    if (open === undefined || traced === undefined) return client;
    return (open.traced ??= traced(client, (call, promise) => this.track(open.opener.name, call, promise, captureSite(call))));
  }

  /**
   * Ends the iteration's tracing and returns the traced calls still running. While a group is still
   * open, the calls made in a group's body (their stack passes through it; V8 keeps the awaiting
   * frames) stand for that group, which was not awaited: they may well have been.
   */
  stopTracing(): UnawaitedCall[] {
    const groupOpen = this.#tags.group !== '';
    const running = this.#traced.filter((t) => !t.done && !(groupOpen && IN_GROUP.test(t.site.stack ?? '')));
    this.#traced = [];
    this.tracing = false;
    return running.map(({ kind, call, site }) => ({ kind, call, site }));
  }
}
