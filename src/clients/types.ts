/**
 * The protocol-client seam. A client (http, ws, grpc) is built once per VU from a ClientContext,
 * records its own built-in metrics through the sink, and stops what it has in flight when the VU
 * is interrupted. Scenario code never sees the sink.
 */
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

/** Run-wide HTTP defaults from the resolved options. */
export interface HttpDefaults {
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly discardResponseBodies: boolean;
  readonly timeoutMs: number;
  readonly noConnectionReuse: boolean;
  /** k6's insecureSkipTLSVerify: https connections accept any server certificate. */
  readonly insecureSkipTLSVerify: boolean;
}

export interface ClientContext {
  readonly sink: MetricSink;
  readonly tags: VuTags;
  /** The VU's interruptions (hard stop, gracefulStop ran out, a ramp-down): in-flight work must end. */
  readonly interrupts: Interrupts;
  readonly http: HttpDefaults;
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
