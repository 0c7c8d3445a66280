/**
 * Following redirects the way k6 (Go's net/http) does: 301/302/303 turn a request other than GET
 * or HEAD into a GET without its body, 307/308 repeat it as it was; a relative Location resolves
 * against the URL that answered; credentials are not carried to another origin.
 */
import { parseTarget, type Target } from './url-targets.js';

/** The request to send for the next hop. */
export interface Hop {
  /** null when the Location is not an http(s) URL: the hop fails as an invalid URL. */
  readonly target: Target | null;
  readonly method: string;
  readonly headers: readonly string[];
  readonly dropBody: boolean;
}

/** Statuses that redirect when they carry a Location. */
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The Location header among undici's raw [name, value, …] buffers, or null. */
export function findLocation(rawHeaders: readonly Buffer[]): string | null {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 8 && name.toString('latin1').toLowerCase() === 'location') return rawHeaders[i + 1]!.toString('utf8');
  }
  return null;
}

/** The error a response carries when it redirects once more than the limit allows. */
export function redirectLimitMessage(limit: number): string {
  return `stopped after ${limit} redirects and returned the redirection; pass { redirects: n } in the request params or set maxRedirects to follow more`;
}

/** Where and how to send the request that follows `status` + `location` from `fromHref`. */
export function nextHop(method: string, status: number, location: string, fromHref: string, headers: readonly string[]): Hop {
  const target = parseTarget(location, fromHref);
  const toGet = status <= 303 && method !== 'GET' && method !== 'HEAD';
  const crossOrigin = target !== null && target.origin !== new URL(fromHref).origin;
  const dropped = new Set<string>();
  if (toGet) dropped.add('content-type').add('content-length');
  if (crossOrigin) dropped.add('authorization').add('cookie');
  // Go sends no body after any 301/302/303, whatever the method.
  return { target, method: toGet ? 'GET' : method, headers: dropped.size > 0 ? without(headers, dropped) : headers, dropBody: status <= 303 };
}

function without(headers: readonly string[], names: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (!names.has(headers[i]!.toLowerCase())) out.push(headers[i]!, headers[i + 1]!);
  }
  return out;
}
