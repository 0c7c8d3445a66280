/**
 * The routes `volley target --faults` adds under FAULTS_PREFIX (fault-list.ts says what each does).
 * Each misbehaves in one known way, so a test can check that what volley counts (requests, failures,
 * k6's error codes) is what happened. Requests to them are counted in /__stats by path like any
 * route's, as the router counts before routing; close-idle's dropped requests are the exception
 * (they never reach a route).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBoundedInt } from '../request-path.js';
import type { RequestStats } from '../request-stats.js';
import { sendBody, sendError } from '../respond.js';
import { resetMidBody, resetMidHeaders, sendGarbage, sendShortBody } from './broken-responses.js';
import { ClosingConnections } from './close-idle.js';
import { FAULTS_PREFIX } from './fault-list.js';
import { MAX_TRICKLE_MS, trickle } from './trickle.js';

/** The header size big-headers sends without a `:kib`, four times the 16 KiB Node and undici accept. */
export const DEFAULT_BIG_HEADERS_KIB = 64;
/** The largest header size big-headers sends (16 MiB, past Go's 10 MiB, so past k6's limit too). */
export const MAX_BIG_HEADERS_KIB = 16 * 1024;
/** The largest k of 5xx-every. */
const MAX_EVERY = 1_000_000;

/** The fault routes of one server, with the state close-idle keeps about its connections. */
export class FaultRoutes {
  readonly #stats: RequestStats;
  readonly #closing = new ClosingConnections();

  constructor(stats: RequestStats) {
    this.#stats = stats;
  }

  /** True, and the connection closed, when `req` must not be served (see close-idle.ts). */
  drops(req: IncomingMessage): boolean {
    return this.#closing.drops(req);
  }

  /** Serves `path` (which starts with FAULTS_PREFIX) if it names a fault; false if it names none. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    const rest = path.slice(FAULTS_PREFIX.length);
    const slash = rest.indexOf('/');
    const name = slash === -1 ? rest : rest.slice(0, slash);
    const param = slash === -1 ? undefined : rest.slice(slash + 1);
    if (param === undefined) return this.#plain(name, req, res);
    switch (name) {
      case 'trickle':
        return withCount(res, path, param, MAX_TRICKLE_MS, (ms) => trickle(res, ms));
      case 'big-headers':
        return withCount(res, path, param, MAX_BIG_HEADERS_KIB, (kib) => sendBigHeaders(res, kib));
      case '5xx-every':
        return withCount(res, path, param, MAX_EVERY, (k) => this.#everyKth(res, path, k));
    }
    return false;
  }

  #plain(name: string, req: IncomingMessage, res: ServerResponse): boolean {
    switch (name) {
      case 'close-idle':
        this.#closing.answer(req, res);
        return true;
      case 'reset-headers':
        resetMidHeaders(req.socket);
        return true;
      case 'reset-body':
        resetMidBody(req.socket);
        return true;
      case 'hang':
        // Never answered: the request ends when the client gives up or the target closes.
        return true;
      case 'garbage':
        sendGarbage(req.socket);
        return true;
      case 'big-headers':
        sendBigHeaders(res, DEFAULT_BIG_HEADERS_KIB);
        return true;
      case 'wrong-length':
        sendShortBody(req.socket);
        return true;
    }
    return false;
  }

  /** 503 when this is the k-th, 2k-th, … request to `path` since the stats were last reset. */
  #everyKth(res: ServerResponse, path: string, k: number): void {
    const n = this.#stats.countOf(path);
    if (n % k === 0) sendBody(res, 503, 'text/plain; charset=utf-8', `503 Service Unavailable (request ${n}, every ${k})\n`);
    else sendBody(res, 200, 'text/plain; charset=utf-8', `200 OK (request ${n}, every ${k})\n`);
  }
}

/** Serves with `param` read as an integer from 1 to `max`; 400 if it is not one. */
function withCount(res: ServerResponse, path: string, param: string, max: number, serve: (n: number) => void): boolean {
  const n = parseBoundedInt(param, max);
  if (n === undefined || n < 1) sendError(res, 400, `the last path segment must be an integer from 1 to ${max}`, path);
  else serve(n);
  return true;
}

/** 200 with an empty body and one header of `kib` KiB. */
function sendBigHeaders(res: ServerResponse, kib: number): void {
  res.writeHead(200, { 'content-length': 0, 'x-padding': 'x'.repeat(kib * 1024) });
  res.end();
}
