/**
 * Params → the settled options of one request (headers as undici's flat array, timeout in ms,
 * response type, redirect limit, expected statuses, tags). A request without params, the common
 * case under load, reuses one of two prebuilt plans, so it allocates nothing here.
 */
import type { ExpectedStatus, Params, ResponseType } from '../../api/http.js';
import type { HttpDefaults } from './http-defaults.js';
import type { Tags } from '../../metrics/tags.js';
import { readDurationValue } from '../../config/duration.js';
import { HttpParamsError } from './http-errors.js';

/** Everything about a request that comes from params and defaults. */
export interface RequestPlan {
  /** [name, value, name, value, …] with User-Agent (unless configured empty) and Content-Type for JSON bodies filled in. */
  readonly headers: readonly string[];
  readonly timeoutMs: number;
  readonly responseType: ResponseType;
  readonly maxRedirects: number;
  /** null: k6's default, 200–399. */
  readonly expected: readonly ExpectedStatus[] | null;
  /** `tags.name`, replacing the URL as the name tag. */
  readonly name: string | undefined;
  /** The other user tags, or null. */
  readonly tags: Tags | null;
  /** A stable key of `tags` for series caching; '' when none. */
  readonly tagsKey: string;
}

const JSON_TYPE = 'application/json';
const RESPONSE_TYPES: ReadonlySet<string> = new Set(['text', 'binary', 'none']);

/** Each defaults object's planner: plans are frozen and the memo is a cache, so a thread's VUs share one. */
const byDefaults = new WeakMap<HttpDefaults, RequestPlanner>();

/** Builds request plans; holds the defaults and a memo of the last timeout string. */
export class RequestPlanner {
  /** The planner for `defaults`, made on first use (one per VU was ≈ 400 B of its heap). */
  static for(defaults: HttpDefaults): RequestPlanner {
    let p = byDefaults.get(defaults);
    if (p === undefined) byDefaults.set(defaults, (p = new RequestPlanner(defaults)));
    return p;
  }

  readonly #defaults: HttpDefaults;
  readonly #plain: RequestPlan;
  readonly #json: RequestPlan;
  #timeoutText = '';
  #timeoutMs = 0;

  constructor(defaults: HttpDefaults) {
    this.#defaults = defaults;
    const base = {
      timeoutMs: defaults.timeoutMs,
      responseType: (defaults.discardResponseBodies ? 'none' : 'text') as ResponseType,
      maxRedirects: defaults.maxRedirects,
      expected: null,
      name: undefined,
      tags: null,
      tagsKey: '',
    };
    // An empty userAgent option means no User-Agent header at all, as in k6.
    const agent = defaults.userAgent === '' ? [] : ['user-agent', defaults.userAgent];
    this.#plain = Object.freeze({ ...base, headers: Object.freeze(agent) });
    this.#json = Object.freeze({ ...base, headers: Object.freeze([...agent, 'content-type', JSON_TYPE]) });
  }

  /** The plan for `params`; `json` when the body is an object sent as JSON. Throws HttpParamsError. */
  plan(params: Params | undefined | null, json: boolean): RequestPlan {
    if (params === undefined || params === null) return json ? this.#json : this.#plain;
    if (typeof params !== 'object') throw new HttpParamsError(`params must be an object (got ${typeof params})`);
    const base = json ? this.#json : this.#plain;
    const plan: Mutable<RequestPlan> = {
      headers: params.headers === undefined ? base.headers : buildHeaders(params.headers, this.#defaults.userAgent, json),
      timeoutMs: params.timeout === undefined ? base.timeoutMs : this.#timeout(params.timeout),
      responseType: params.responseType === undefined ? base.responseType : checkResponseType(params.responseType),
      maxRedirects: redirectLimit(params, base.maxRedirects),
      expected: params.expectedStatuses === undefined ? null : checkExpected(params.expectedStatuses),
      name: undefined,
      tags: null,
      tagsKey: '',
    };
    if (params.tags !== undefined && params.tags !== null) addTags(plan, params.tags);
    return plan;
  }

  #timeout(value: unknown): number {
    if (typeof value === 'string' && value === this.#timeoutText) return this.#timeoutMs;
    const r = readDurationValue(value);
    if (!r.ok || r.ms <= 0) {
      const why = r.ok ? 'it must be longer than 0' : r.reason;
      throw new HttpParamsError(`invalid timeout ${JSON.stringify(value)}: ${why}`, "use milliseconds (5000, or '5000') or a duration string ('5s', '1m30s')");
    }
    if (typeof value === 'string') {
      this.#timeoutText = value;
      this.#timeoutMs = r.ms;
    }
    return r.ms;
  }
}

/** Is `status` a success per `expected` (null: k6's default 200–399)? */
export function isExpected(status: number, expected: readonly ExpectedStatus[] | null): boolean {
  if (expected === null) return status >= 200 && status < 400;
  for (const e of expected) {
    if (typeof e === 'number' ? e === status : status >= e.min && status <= e.max) return true;
  }
  return false;
}

function buildHeaders(headers: unknown, userAgent: string, json: boolean): string[] {
  if (typeof headers !== 'object' || headers === null) throw new HttpParamsError('params.headers must be an object of name → value');
  const out: string[] = [];
  let hasAgent = false;
  let hasType = false;
  for (const name in headers) {
    const value: unknown = (headers as Record<string, unknown>)[name];
    if (value === undefined || value === null) continue;
    // Length first: lower-casing every header name of every request would allocate.
    if (name.length === 10 && name.toLowerCase() === 'user-agent') hasAgent = true;
    else if (name.length === 12 && name.toLowerCase() === 'content-type') hasType = true;
    out.push(name, String(value));
  }
  if (!hasAgent && userAgent !== '') out.push('user-agent', userAgent);
  if (json && !hasType) out.push('content-type', JSON_TYPE);
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Splits `tags.name` (the common case, which costs nothing more) from the other tags and keys those. */
function addTags(plan: Mutable<RequestPlan>, tags: unknown): void {
  if (typeof tags !== 'object' || tags === null) throw new HttpParamsError('params.tags must be an object of name → value');
  let rest: Record<string, string> | null = null;
  for (const k in tags) {
    const v: unknown = (tags as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === 'name') plan.name = String(v);
    else (rest ??= {})[k] = String(v);
  }
  if (rest === null) return;
  plan.tags = rest;
  plan.tagsKey = Object.keys(rest)
    .sort()
    .map((k) => `${k}=${rest[k]}`)
    .join('\u0001');
}

function redirectLimit(params: Params, fallback: number): number {
  const value: unknown = params.redirects ?? params.maxRedirects;
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new HttpParamsError(`invalid redirects ${JSON.stringify(value)}: a whole number ≥ 0`);
  }
  return value;
}

function checkResponseType(value: unknown): ResponseType {
  if (typeof value !== 'string' || !RESPONSE_TYPES.has(value)) {
    throw new HttpParamsError(`invalid responseType ${JSON.stringify(value)}`, "use 'text', 'binary' or 'none'");
  }
  return value as ResponseType;
}

function checkExpected(list: unknown): readonly ExpectedStatus[] {
  if (!Array.isArray(list)) throw new HttpParamsError('params.expectedStatuses must be an array of statuses and { min, max } ranges');
  for (const e of list as unknown[]) {
    const ok =
      typeof e === 'number'
        ? Number.isInteger(e)
        : typeof e === 'object' && e !== null && Number.isInteger((e as { min?: unknown }).min) && Number.isInteger((e as { max?: unknown }).max);
    if (!ok) throw new HttpParamsError(`invalid expected status ${JSON.stringify(e)}`, 'use numbers (200) or ranges ({ min: 200, max: 299 })');
  }
  return list as readonly ExpectedStatus[];
}
