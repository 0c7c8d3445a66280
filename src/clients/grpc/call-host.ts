/**
 * What a connection needs from the VU's `grpc` (vu-grpc.ts): where to record, the VU's tags and
 * clock, the run's defaults, and a register of what is in flight, so the iteration waits for it
 * and an interrupt cancels it.
 */
import type { MetricSink } from '../../metrics/sink.js';
import type { Interrupts, VuTags } from '../types.js';

/** Run-wide gRPC defaults from the resolved options. */
export interface GrpcDefaults {
  readonly userAgent: string;
  /** k6's insecureSkipTLSVerify: TLS connections accept any server certificate. */
  readonly insecureSkipTLSVerify: boolean;
}

/** A call, stream or connect in flight: what an interrupt stops. */
export interface Cancellable {
  cancel(): void;
}

export interface CallHost {
  readonly sink: MetricSink;
  readonly tags: VuTags;
  readonly interrupts: Interrupts;
  readonly defaults: GrpcDefaults;
  now(): number;
  /** `work` started: the VU is busy until `end(work)`. */
  begin(work: Cancellable): void;
  end(work: Cancellable): void;
}
