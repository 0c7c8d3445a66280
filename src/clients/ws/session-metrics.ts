/**
 * Records a session's samples (k6's ws_* metrics) through series recorders resolved once per
 * session, when its connect has an outcome (the status tag is known then). A session's tags are the
 * VU's tags when it connected (so a message that arrives after its group ended still carries that
 * group, as in k6), the user's tags, `name` and `url` (both the URL, or both `tags.name`, as k6
 * does since v0.41), `status` (101 for a good upgrade; the HTTP status, or 0 without a response)
 * and `subproto` when one was agreed. data_sent / data_received carry only the VU's tags, as the
 * HTTP client's do.
 */
import { perSink, type MetricSink, type SeriesRecorder } from '../../metrics/sink.js';
import { BUILTIN } from '../../metrics/builtin.js';
import { TagSet } from '../../metrics/tags.js';
import type { SessionPlan } from './ws-params.js';

/** Distinct tag sets kept; cleared when full, so URLs with ids cannot grow memory (the sink caps the series). */
const MAX_CACHED = 4096;

/** The recorders of one session's tag set. */
export class SessionSeries {
  readonly sessions: SeriesRecorder;
  readonly connecting: SeriesRecorder;
  readonly duration: SeriesRecorder;
  readonly sent: SeriesRecorder;
  readonly received: SeriesRecorder;
  readonly ping: SeriesRecorder;
  readonly dataSent: SeriesRecorder;
  readonly dataReceived: SeriesRecorder;
  constructor(sink: MetricSink, tags: TagSet, base: TagSet) {
    this.sessions = sink.series(BUILTIN.ws_sessions, tags);
    this.connecting = sink.series(BUILTIN.ws_connecting, tags);
    this.duration = sink.series(BUILTIN.ws_session_duration, tags);
    this.sent = sink.series(BUILTIN.ws_msgs_sent, tags);
    this.received = sink.series(BUILTIN.ws_msgs_received, tags);
    this.ping = sink.series(BUILTIN.ws_ping, tags);
    this.dataSent = sink.series(BUILTIN.data_sent, base);
    this.dataReceived = sink.series(BUILTIN.data_received, base);
  }
}

/** Finds (or makes) the series of a session from what its connect settled. */
export class SessionMetrics {
  /** The sink's SessionMetrics, made on first use (per thread, not per VU). */
  static readonly of = perSink((sink) => new SessionMetrics(sink));

  readonly #sink: MetricSink;
  readonly #cache = new Map<string, SessionSeries>();

  constructor(sink: MetricSink) {
    this.#sink = sink;
  }

  /** The series of a session to `url` under the VU tags `base`, with its outcome's `status` and agreed `subproto`. */
  series(base: TagSet, plan: SessionPlan, url: string, status: number, subproto: string): SessionSeries {
    const name = plan.name ?? url;
    const key = `${base.key}\u0002${plan.tagsKey}\u0002${name}\u0002${status}\u0002${subproto}`;
    let s = this.#cache.get(key);
    if (s === undefined) {
      if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
      s = new SessionSeries(this.#sink, TagSet.of(tagsOf(base, plan, name, status, subproto)), base);
      this.#cache.set(key, s);
    }
    return s;
  }
}

function tagsOf(base: TagSet, plan: SessionPlan, name: string, status: number, subproto: string): Record<string, string> {
  const tags: Record<string, string> = base.toObject();
  if (plan.tags !== null) Object.assign(tags, plan.tags);
  tags.name = name;
  tags.url = name;
  tags.status = String(status);
  if (subproto !== '') tags.subproto = subproto;
  return tags;
}
