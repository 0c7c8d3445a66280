/**
 * Reads the params of `invoke()`, `stream()` and `grpc.connect()` as k6 reads them: unknown keys and
 * values of the wrong type are refused with a message naming the param, never ignored.
 */
import type { CallParams, ConnectParams, GrpcMetadata } from '../../api/grpc-api.js';
import type { Tags } from '../../metrics/tags.js';
import { readDurationValue } from '../../config/duration.js';
import { GrpcCallError } from './grpc-errors.js';
import { isProtos, type Protos } from './protos.js';
import { StatusInvalidArgument } from './status.js';

/** A call's params, read. */
export interface CallPlan {
  readonly metadata: readonly (readonly [string, string | Uint8Array])[];
  readonly tags: Tags | null;
  /** 0: no deadline. */
  readonly timeoutMs: number;
  readonly discardResponseMessage: boolean;
}

/** `grpc.connect()`'s params, read. */
export interface ConnectPlan {
  readonly protos: Protos | undefined;
  readonly plaintext: boolean;
  readonly reflect: boolean;
  readonly reflectMetadata: CallPlan['metadata'];
  readonly timeoutMs: number;
  readonly tls: { cert?: string; key?: string; password?: string; cacerts: string[] };
  readonly maxReceiveSize: number;
  readonly maxSendSize: number;
  readonly authority: string;
}

/** k6's defaults: a unary call may take 2 minutes, connecting 1. */
export const INVOKE_TIMEOUT_MS = 120_000;
const CONNECT_TIMEOUT_MS = 60_000;

const NO_PARAMS: CallPlan = Object.freeze({ metadata: [], tags: null, timeoutMs: 0, discardResponseMessage: false });

/** Reads a call's params; `defaultTimeoutMs` applies when none is given (0: no deadline). */
export function readCallParams(what: string, params: CallParams | undefined | null, defaultTimeoutMs: number): CallPlan {
  if (params === undefined || params === null) return defaultTimeoutMs === 0 ? NO_PARAMS : { ...NO_PARAMS, timeoutMs: defaultTimeoutMs };
  if (typeof params !== 'object') throw invalid(what, `params must be an object, got ${typeof params}`);
  let plan = { ...NO_PARAMS, timeoutMs: defaultTimeoutMs };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === 'metadata') plan = { ...plan, metadata: readMetadata(what, 'metadata', value) };
    else if (key === 'tags') plan = { ...plan, tags: readTags(what, value) };
    else if (key === 'timeout') plan = { ...plan, timeoutMs: readTimeout(what, value) };
    else if (key === 'discardResponseMessage') plan = { ...plan, discardResponseMessage: Boolean(value) };
    else throw invalid(what, `unknown param ${JSON.stringify(key)} (known: metadata, tags, timeout, discardResponseMessage)`);
  }
  return plan;
}

/** Reads `grpc.connect()`'s params. */
export function readConnectParams(params: ConnectParams | undefined | null): ConnectPlan {
  const what = 'grpc.connect()';
  const plan = { protos: undefined as Protos | undefined, plaintext: false, reflect: false, reflectMetadata: NO_PARAMS.metadata, timeoutMs: CONNECT_TIMEOUT_MS, tls: { cacerts: [] as string[] }, maxReceiveSize: 0, maxSendSize: 0, authority: '' };
  if (params === undefined || params === null) return plan;
  if (typeof params !== 'object') throw invalid(what, `params must be an object, got ${typeof params}`);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === 'protos') {
      if (!isProtos(value)) throw invalid(what, 'protos must be what loadProtos() returned', "import { loadProtos } from 'volley/grpc' and call it in init code");
      plan.protos = value;
    } else if (key === 'plaintext' || key === 'reflect') plan[key] = readBoolean(what, key, value);
    else if (key === 'reflectMetadata') plan.reflectMetadata = readMetadata(what, key, value);
    else if (key === 'timeout') plan.timeoutMs = readTimeout(what, value);
    else if (key === 'maxReceiveSize' || key === 'maxSendSize') plan[key] = readSize(what, key, value);
    else if (key === 'authority') plan.authority = readString(what, key, value);
    else if (key === 'tls') plan.tls = readTls(what, value);
    else throw invalid(what, `unknown param ${JSON.stringify(key)} (known: protos, plaintext, reflect, reflectMetadata, timeout, tls, maxReceiveSize, maxSendSize, authority)`);
  }
  return plan;
}

function readMetadata(what: string, key: string, value: unknown): CallPlan['metadata'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(what, `${key} must be an object of key-value pairs`);
  return Object.entries(value as GrpcMetadata).map(([k, v]) => {
    const binary = k.endsWith('-bin');
    if (binary ? !(v instanceof Uint8Array) : typeof v !== 'string') throw invalid(what, `${key} ${JSON.stringify(k)}: the value must be ${binary ? 'bytes (a key ending in -bin)' : 'a string'}`);
    return [k.toLowerCase(), v] as const;
  });
}

function readTags(what: string, value: unknown): Tags {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(what, 'tags must be an object of string values');
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) tags[k] = String(v);
  return tags;
}

function readTimeout(what: string, value: unknown): number {
  const r = readDurationValue(value);
  if (!r.ok || r.ms <= 0) throw invalid(what, `invalid timeout ${JSON.stringify(value)}: ${r.ok ? 'it must be longer than 0' : r.reason}`, "use milliseconds (5000) or a duration string ('5s')");
  return r.ms;
}

function readBoolean(what: string, key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid(what, `${key} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function readString(what: string, key: string, value: unknown): string {
  if (typeof value !== 'string') throw invalid(what, `${key} must be a string, got ${typeof value}`);
  return value;
}

function readSize(what: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid(what, `${key} must be a whole number of bytes, 0 or more, got ${JSON.stringify(value)}`);
  return value;
}

function readTls(what: string, value: unknown): ConnectPlan['tls'] {
  if (typeof value !== 'object' || value === null) throw invalid(what, 'tls must be an object with (optional) cert, key, password and cacerts');
  const tls: ConnectPlan['tls'] = { cacerts: [] };
  for (const [k, v] of Object.entries(value)) {
    if (k === 'cert' || k === 'key' || k === 'password') tls[k] = readString(what, `tls.${k}`, v);
    else if (k === 'cacerts') tls.cacerts = (Array.isArray(v) ? v : [v]).map((c) => readString(what, 'tls.cacerts', c));
    else throw invalid(what, `unknown tls key ${JSON.stringify(k)} (known: cert, key, password, cacerts)`);
  }
  return tls;
}

function invalid(what: string, message: string, hint?: string): GrpcCallError {
  return new GrpcCallError(`${what}: ${message}`, StatusInvalidArgument, hint);
}
