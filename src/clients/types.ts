/**
 * The protocol-client seam. A protocol (http, ws, grpc) is one folder under src/clients/ exporting a
 * ClientFactory, listed once in registry.ts. Its client is built once per VU (on the VU's first use
 * of it) from a ClientContext, records its own built-in metrics through the sink, and stops what it
 * has in flight when the VU is interrupted. Scenario code never sees the sink.
 */
import type { ResolvedOptions } from '../config/options.js';
import type { MetricSink } from '../metrics/sink.js';
import type { TagSet } from '../metrics/tags.js';

/** The tags a VU's samples carry right now; `current` changes when a group starts or ends. */
export interface VuTags {
  /** scenario, group, options.tags, the scenario's tags: interned, so `current.key` can key caches. */
  readonly current: TagSet;
}

/**
 * A VU's interruptions, as clients see them. Not an AbortSignal: one per VU costs an
 * AbortController and its EventTarget maps, and each await on it a listener; a VU has few clients
 * and at most one sleep, so it calls them directly.
 */
export interface Interrupts {
  /** True once the VU is retired (or its signal aborted): nothing new may start. */
  readonly retired: boolean;
  /** Calls `listener` at every interrupt: of the current iteration, or for good. */
  onInterrupt(listener: () => void): void;
  offInterrupt(listener: () => void): void;
}

export interface ClientContext {
  readonly sink: MetricSink;
  readonly tags: VuTags;
  /** The VU's interruptions (hard stop, gracefulStop ran out, a ramp-down): in-flight work must end. */
  readonly interrupts: Interrupts;
  /** Monotonic milliseconds (performance.now()). */
  now(): number;
}

/** What every protocol client built for a VU must offer the VU's lifecycle. */
export interface ProtocolClient {
  /** Closes connections; called when the VU retires. Safe to call twice. */
  close(): Promise<void>;
  /**
   * True while work the scenario started is still running (a request in flight): an iteration ends
   * only once its clients are idle, as k6's event loop waits for what an iteration started.
   */
  busy(): boolean;
  /** Resolves once the client is not busy. */
  idle(): Promise<void>;
}

/** Records one call of a traced iteration (pending-calls.ts): `call` names it, as `http.get()`. */
export type CallTracker = (call: string, promise: Promise<unknown>) => void;

/** How the warnings about un-awaited calls (unawaited-warnings.ts) speak of a protocol's calls. */
export interface CallWording {
  /** One call, for a hint that names none: `http.get()`. */
  readonly example: string;
  /** Its calls in a sentence: `an http request (http.get(), http.post(), …)`. */
  readonly unnamed: string;
  /** `call` written awaited: `http.get()` → `const res = await http.get(...)`. */
  awaited(call: string): string;
}

/**
 * A protocol, as the contexts (iteration, setup, teardown) see it: the name its API has on the
 * context, its run-wide defaults, and how to build a VU's client. Everything else (connections,
 * metrics, interrupts) stays inside the protocol's folder.
 */
export interface ClientFactory<Name extends string, Api, Defaults> {
  /** The API's name on the context: `ctx.http`. */
  readonly name: Name;
  /** The run-wide defaults, computed once per thread from the resolved options and shared by its VUs. */
  defaults(options: ResolvedOptions): Defaults;
  /** The client of one VU (or of setup/teardown), made on its first use. */
  create(ctx: ClientContext, defaults: Defaults): Api & ProtocolClient;
  /**
   * `api` with each call recorded, for an iteration whose un-awaited calls are being traced. A
   * protocol without it has no calls a script is expected to await (open WebSockets end an
   * iteration by closing, not by being awaited).
   */
  traced?(api: Api, track: CallTracker): Api;
  /** How warnings name its un-awaited calls; given with `traced`. */
  readonly wording?: CallWording;
}
