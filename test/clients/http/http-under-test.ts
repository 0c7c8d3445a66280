/** Builds a VU's http client the way a worker does, with a recording sink and a controllable signal. */
import { createHttp } from '../../../src/clients/http/index.js';
import { signalInterrupts } from '../../../src/clients/signal-interrupts.js';
import type { ClientContext, ProtocolClient } from '../../../src/clients/types.js';
import type { HttpDefaults } from '../../../src/clients/http/http-defaults.js';
import type { Http } from '../../../src/api/http.js';
import { TagSet } from '../../../src/metrics/tags.js';
import { RecordingSink } from './recording-sink.js';

/** The defaults a run without options resolves to (DESIGN.md: 60 s timeout, 10 redirects). */
export const DEFAULTS: HttpDefaults = {
  maxRedirects: 10,
  userAgent: 'volley/0.1.0 (test)',
  discardResponseBodies: false,
  timeoutMs: 60_000,
  noConnectionReuse: false,
  insecureSkipTLSVerify: false,
};

/** What a test gets: the client, its sink, the VU's abort controller and mutable base tags. */
export interface HttpUnderTest {
  readonly http: Http & ProtocolClient;
  readonly sink: RecordingSink;
  readonly abort: AbortController;
  readonly tags: { current: TagSet };
}

/** A fresh VU client; close it in afterEach (see `track`). */
export function httpUnderTest(defaults: Partial<HttpDefaults> = {}): HttpUnderTest {
  const sink = new RecordingSink();
  const abort = new AbortController();
  const tags = { current: TagSet.of({ scenario: 'default', group: '' }) };
  const ctx: ClientContext = { sink, tags, interrupts: signalInterrupts(abort.signal), now: () => performance.now() };
  return { http: createHttp(ctx, { ...DEFAULTS, ...defaults }), sink, abort, tags };
}
