/**
 * URL strings → where to send them. Parsing a URL costs about as much as the rest of a request's
 * JavaScript, and scripts request the same few URLs over and over, so a bounded cache keeps them;
 * a URL with ids in it just cycles the cache. Targets are immutable and hold nothing of a VU, so
 * one cache serves every VU of a thread (a Map per VU was ≈ 150 B of each VU's heap).
 */

/** A parsed http(s) URL: the origin picks the connection, the path (with query) is what is sent. */
export interface Target {
  readonly origin: string;
  readonly path: string;
  /** The URL as resolved (absolute, normalised), for redirects and `res.url` after one. */
  readonly href: string;
  /** `Basic …` from credentials in the URL (`http://user:pass@host/`), as k6 sends them; null when none. */
  readonly authorization: string | null;
}

const MAX_CACHED = 1024;

/** Bounded URL → Target cache. */
export class UrlTargets {
  readonly #byUrl = new Map<string, Target | null>();

  /** The target of `url`, or null when it is not an absolute http(s) URL. */
  resolve(url: string): Target | null {
    let target = this.#byUrl.get(url);
    if (target === undefined) {
      target = parseTarget(url, undefined);
      if (this.#byUrl.size >= MAX_CACHED) this.#byUrl.clear();
      this.#byUrl.set(url, target);
    }
    return target;
  }

}

/** Parses `url` (against `base` for a redirect's relative Location); null when not http(s). */
export function parseTarget(url: string, base: string | undefined): Target | null {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return null;
  const authorization = u.username === '' && u.password === '' ? null : basicAuth(u);
  return { origin: u.origin, path: `${u.pathname}${u.search}`, href: u.href, authorization };
}

function basicAuth(u: URL): string {
  const credentials = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
