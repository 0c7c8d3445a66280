/**
 * Records gRPC samples under k6's tags: the VU's tags, the call's own `tags`, and `name` (the
 * method's path unless the call names it), `method`, `service`, `url` (address + path) and, for
 * grpc_req_duration and grpc_req_failed, `status` (the gRPC code). Series recorders are cached per
 * thread: by address and path, then by the VU's interned base TagSet (compared by identity) and the
 * status, so a call builds no tag set and no key string once its combination has been seen. Calls
 * with their own tags take a keyed path. Each cache level is bounded (cleared when full).
 */
import { perSink, type MetricSink, type SeriesRecorder } from '../../metrics/sink.js';
import { BUILTIN } from '../../metrics/builtin.js';
import { TagSet, type Tags } from '../../metrics/tags.js';

const MAX_ENTRIES = 1024;

/** The recorders of one finished call's tag set. */
export interface CallSeries {
  readonly duration: SeriesRecorder;
  readonly failed: SeriesRecorder;
}

/** The recorders of one stream's tag set (no status: these are counted while the stream runs). */
export interface StreamSeries {
  readonly streams: SeriesRecorder;
  readonly sent: SeriesRecorder;
  readonly received: SeriesRecorder;
}

/** Each thread's MethodMetrics by address and method. */
const byKeyOf = perSink(() => new Map<string, MethodMetrics>());

/** The metrics of calls to `path` at `addr`, shared by every VU of the thread that records into `sink`. */
export function methodMetrics(sink: MetricSink, addr: string, path: string): MethodMetrics {
  const slash = path.lastIndexOf('/');
  return cached(sink, `${addr}${path}`, { name: path, method: path.slice(slash + 1), service: path.slice(1, slash), url: `${addr}${path}` });
}

/** The metrics of connecting to `addr` (only failures are recorded: grpc_req_failed{method:connect}). */
export function connectMetrics(sink: MetricSink, addr: string): MethodMetrics {
  return cached(sink, `connect ${addr}`, { name: addr, method: 'connect', url: addr });
}

function cached(sink: MetricSink, key: string, tags: Tags): MethodMetrics {
  const byKey = byKeyOf(sink);
  let m = byKey.get(key);
  if (m === undefined) {
    if (byKey.size >= MAX_ENTRIES) byKey.clear();
    byKey.set(key, (m = new MethodMetrics(sink, tags)));
  }
  return m;
}

export class MethodMetrics {
  readonly #sink: MetricSink;
  readonly #tags: Tags;
  readonly #calls = new Map<TagSet, Map<number, CallSeries>>();
  readonly #streams = new Map<TagSet, StreamSeries>();
  readonly #tagged = new Map<string, CallSeries | StreamSeries>();

  constructor(sink: MetricSink, tags: Tags) {
    this.#sink = sink;
    this.#tags = tags;
  }

  /** Records one finished call (unary, or a stream once it has ended). */
  call(base: TagSet, tags: Tags | null, status: number, durationMs: number): void {
    const s = tags === null ? this.#callSeries(base, status) : (this.#keyed(base, tags, status) as CallSeries);
    s.duration.add(durationMs);
    s.failed.add(status === 0 ? 0 : 1);
  }

  /** A call that failed before it reached the server (the script's mistake): grpc_req_failed only. */
  failed(base: TagSet, tags: Tags | null, status: number): void {
    const s = tags === null ? this.#callSeries(base, status) : (this.#keyed(base, tags, status) as CallSeries);
    s.failed.add(1);
  }

  /** The stream counters under `base` and the stream's own tags. */
  stream(base: TagSet, tags: Tags | null): StreamSeries {
    if (tags !== null) return this.#keyed(base, tags, undefined) as StreamSeries;
    let s = this.#streams.get(base);
    if (s === undefined) {
      if (this.#streams.size >= MAX_ENTRIES) this.#streams.clear();
      this.#streams.set(base, (s = this.#makeStream(base, null)));
    }
    return s;
  }

  #callSeries(base: TagSet, status: number): CallSeries {
    let byStatus = this.#calls.get(base);
    if (byStatus === undefined) {
      if (this.#calls.size >= MAX_ENTRIES) this.#calls.clear();
      this.#calls.set(base, (byStatus = new Map()));
    }
    let s = byStatus.get(status);
    if (s === undefined) byStatus.set(status, (s = this.#makeCall(base, null, status)));
    return s;
  }

  #keyed(base: TagSet, tags: Tags, status: number | undefined): CallSeries | StreamSeries {
    const key = `${base.key}\u0002${JSON.stringify(tags)}\u0002${status ?? 'stream'}`;
    let s = this.#tagged.get(key);
    if (s === undefined) {
      if (this.#tagged.size >= MAX_ENTRIES) this.#tagged.clear();
      s = status === undefined ? this.#makeStream(base, tags) : this.#makeCall(base, tags, status);
      this.#tagged.set(key, s);
    }
    return s;
  }

  #makeCall(base: TagSet, tags: Tags | null, status: number): CallSeries {
    const set = TagSet.of({ ...this.#tagsOf(base, tags), status: String(status) });
    return { duration: this.#sink.series(BUILTIN.grpc_req_duration, set), failed: this.#sink.series(BUILTIN.grpc_req_failed, set) };
  }

  #makeStream(base: TagSet, tags: Tags | null): StreamSeries {
    const set = TagSet.of(this.#tagsOf(base, tags));
    return {
      streams: this.#sink.series(BUILTIN.grpc_streams, set),
      sent: this.#sink.series(BUILTIN.grpc_streams_msgs_sent, set),
      received: this.#sink.series(BUILTIN.grpc_streams_msgs_received, set),
    };
  }

  /** The VU's tags, then the method's system tags, then the call's own (which may rename it: `name`). */
  #tagsOf(base: TagSet, tags: Tags | null): Record<string, string> {
    return { ...base.toObject(), ...this.#tags, ...tags };
  }
}
