/**
 * Records a request's samples (k6's http_* metrics) through cached series recorders. The tag set of
 * a request is the VU's base tags, the user's tags, and method, name, status, expected_response and
 * error_code; building one is slow (TagSet.of sorts and joins), so each distinct combination is
 * built once and found again through three small maps keyed by values the request already holds:
 *
 *   base TagSet (interned, compared by identity, memo of the last one) → method → name + user tags
 *   → numeric outcome (status·2 + expected, or −error_code for a network failure)
 *
 * Each level is bounded (cleared when full), so a URL with ids in it cannot grow memory without
 * limit; the sink caps the series themselves. data_sent / data_received carry only the base tags,
 * as in k6, where they are per connection rather than per request.
 */
import type { Timings } from '../../api/http.js';
import { perSink, type MetricSink, type SeriesRecorder } from '../../metrics/sink.js';
import { BUILTIN } from '../../metrics/builtin.js';
import { TagSet, type Tags } from '../../metrics/tags.js';

/** The tag-relevant facts of one finished request (one redirect hop). */
export interface RequestOutcome {
  readonly method: string;
  /** The name tag: `tags.name`, else the URL as requested. */
  readonly name: string;
  readonly tags: Tags | null;
  readonly tagsKey: string;
  readonly status: number;
  readonly expected: boolean;
  /** k6's error code: network failure (status 0), or 1000 + status for 4xx/5xx; 0 otherwise. */
  readonly errorCode: number;
  readonly timings: Timings;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

const MAX_NAMES = 2048;
const MAX_BASES = 256;

/** The recorders of one full tag set. */
class RequestSeries {
  readonly reqs: SeriesRecorder;
  readonly duration: SeriesRecorder;
  readonly blocked: SeriesRecorder;
  readonly connecting: SeriesRecorder;
  readonly tls: SeriesRecorder;
  readonly sending: SeriesRecorder;
  readonly waiting: SeriesRecorder;
  readonly receiving: SeriesRecorder;
  readonly failed: SeriesRecorder;
  constructor(sink: MetricSink, tags: TagSet) {
    this.reqs = sink.series(BUILTIN.http_reqs, tags);
    this.duration = sink.series(BUILTIN.http_req_duration, tags);
    this.blocked = sink.series(BUILTIN.http_req_blocked, tags);
    this.connecting = sink.series(BUILTIN.http_req_connecting, tags);
    this.tls = sink.series(BUILTIN.http_req_tls_handshaking, tags);
    this.sending = sink.series(BUILTIN.http_req_sending, tags);
    this.waiting = sink.series(BUILTIN.http_req_waiting, tags);
    this.receiving = sink.series(BUILTIN.http_req_receiving, tags);
    this.failed = sink.series(BUILTIN.http_req_failed, tags);
  }
}

/** Everything cached under one base tag set. */
class BaseSeries {
  readonly base: TagSet;
  readonly sent: SeriesRecorder;
  readonly received: SeriesRecorder;
  readonly byMethod = new Map<string, Map<string, Map<number, RequestSeries>>>();
  constructor(sink: MetricSink, base: TagSet) {
    this.base = base;
    this.sent = sink.series(BUILTIN.data_sent, base);
    this.received = sink.series(BUILTIN.data_received, base);
  }
}

/** HTTP metric recording into one sink, shared by the VUs that record into it. */
export class RequestMetrics {
  /** The sink's RequestMetrics, made on first use: its caches are per thread, not per VU (4 Maps each). */
  static readonly of = perSink((sink) => new RequestMetrics(sink));

  readonly #sink: MetricSink;
  readonly #bases = new Map<string, BaseSeries>();
  #last: BaseSeries | undefined;

  constructor(sink: MetricSink) {
    this.#sink = sink;
  }

  /** Records every http_* sample of one request under `base` plus the outcome's tags. */
  record(base: TagSet, o: RequestOutcome): void {
    const b = this.#forBase(base);
    if (o.bytesSent > 0) b.sent.add(o.bytesSent);
    if (o.bytesReceived > 0) b.received.add(o.bytesReceived);
    const s = this.#series(b, o);
    const t = o.timings;
    s.reqs.add(1);
    s.duration.add(t.duration);
    s.blocked.add(t.blocked);
    s.connecting.add(t.connecting);
    s.tls.add(t.tls_handshaking);
    s.sending.add(t.sending);
    s.waiting.add(t.waiting);
    s.receiving.add(t.receiving);
    s.failed.add(o.expected ? 0 : 1);
  }

  #forBase(base: TagSet): BaseSeries {
    const last = this.#last;
    if (last !== undefined && last.base === base) return last;
    let b = this.#bases.get(base.key);
    if (b === undefined) {
      if (this.#bases.size >= MAX_BASES) this.#bases.clear();
      b = new BaseSeries(this.#sink, base);
      this.#bases.set(base.key, b);
    }
    this.#last = b;
    return b;
  }

  #series(b: BaseSeries, o: RequestOutcome): RequestSeries {
    let byName = b.byMethod.get(o.method);
    if (byName === undefined) b.byMethod.set(o.method, (byName = new Map()));
    const nameKey = o.tagsKey === '' ? o.name : `${o.name}\u0002${o.tagsKey}`;
    let byOutcome = byName.get(nameKey);
    if (byOutcome === undefined) {
      if (byName.size >= MAX_NAMES) byName.clear();
      byName.set(nameKey, (byOutcome = new Map()));
    }
    const outcome = o.status > 0 ? o.status * 2 + (o.expected ? 1 : 0) : -o.errorCode;
    let s = byOutcome.get(outcome);
    if (s === undefined) {
      s = new RequestSeries(this.#sink, TagSet.of(tagsOf(b.base, o)));
      byOutcome.set(outcome, s);
    }
    return s;
  }
}

function tagsOf(base: TagSet, o: RequestOutcome): Record<string, string> {
  const tags: Record<string, string> = base.toObject();
  if (o.tags !== null) Object.assign(tags, o.tags);
  tags.method = o.method;
  tags.name = o.name;
  tags.status = String(o.status);
  tags.expected_response = o.expected ? 'true' : 'false';
  if (o.errorCode !== 0) tags.error_code = String(o.errorCode);
  return tags;
}
