/**
 * `ws.connect`'s params → the settled options of one session: the upgrade's headers, the user's
 * tags (and the name tag among them), the subprotocols offered and compression. Checked when
 * connect is called, so a mistake throws in the script's own stack; a session without params (the
 * common case) reuses one prebuilt plan.
 */
import type { WsParams } from '../../api/ws.js';
import type { Tags } from '../../metrics/tags.js';
import { WsParamsError } from './ws-errors.js';

/** Everything about a session that comes from its params. */
export interface SessionPlan {
  readonly headers: Readonly<Record<string, string>>;
  /** `tags.name`, replacing the URL as the name (and url) tag. */
  readonly name: string | undefined;
  /** The other user tags, or null. */
  readonly tags: Tags | null;
  /** A stable key of `tags` for series caching; '' when none. */
  readonly tagsKey: string;
  readonly subprotocols: readonly string[];
  readonly compression: boolean;
}

const KNOWN = new Set(['headers', 'tags', 'subprotocols', 'compression']);
/** RFC 7230's token: what a header name and a subprotocol name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What a header value may not hold (it would end the header, or the request). */
const NOT_IN_VALUE = /[\r\n\0]/;

/** The plan of a session without params. */
export const PLAIN_SESSION: SessionPlan = Object.freeze({ headers: {}, name: undefined, tags: null, tagsKey: '', subprotocols: [], compression: false });

/** Checks `params` and settles them; throws WsParamsError naming the first problem. */
export function planSession(params: WsParams | null | undefined): SessionPlan {
  if (params === undefined || params === null) return PLAIN_SESSION;
  if (typeof params !== 'object' || Array.isArray(params)) throw new WsParamsError(`ws.connect() params must be an object such as { headers, tags, subprotocols } (got ${typeof params})`);
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) throw new WsParamsError(`unknown ws.connect() param ${JSON.stringify(key)}; known: ${[...KNOWN].join(', ')}`);
  }
  const { name, ...tags } = stringMap(params.tags, 'tags');
  const tagsKey = Object.keys(tags).sort().map((k) => `${k}=${tags[k]}`).join('\u0001');
  return {
    headers: headers(params.headers),
    name,
    tags: tagsKey === '' ? null : tags,
    tagsKey,
    subprotocols: subprotocols(params.subprotocols),
    compression: compression(params.compression),
  };
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new WsParamsError(`ws.connect() params.${what} must be an object of strings (got ${Array.isArray(value) ? 'an array' : typeof value})`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new WsParamsError(`ws.connect() params.${what}.${k} must be a string (got ${v === null ? 'null' : typeof v})`);
    out[k] = String(v);
  }
  return out;
}

/** Checked here rather than by the upgrade request, so the mistake throws at the call even on a thread's first connect. */
function headers(value: unknown): Record<string, string> {
  const map = stringMap(value, 'headers');
  for (const [name, text] of Object.entries(map)) {
    if (!TOKEN.test(name)) throw new WsParamsError(`ws.connect() params.headers: ${JSON.stringify(name)} is not a valid header name`);
    if (NOT_IN_VALUE.test(text)) throw new WsParamsError(`ws.connect() params.headers.${name} holds a line break or a NUL character`);
  }
  return map;
}

function subprotocols(value: unknown): readonly string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && TOKEN.test(p)) || new Set(list).size !== list.length) {
    throw new WsParamsError('ws.connect() params.subprotocols must be a subprotocol name or an array of distinct ones, as [\'chat.v1\']');
  }
  return list as string[];
}

function compression(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === 'deflate') return true;
  throw new WsParamsError(`ws.connect() params.compression must be 'deflate', the one algorithm supported (got ${JSON.stringify(value)})`);
}
