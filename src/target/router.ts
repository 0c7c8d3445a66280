/**
 * The target's HTTP request handler: counts each request by path, then dispatches on the path.
 * Plain string comparisons rather than a router library: this runs for every request of a benchmark.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBytes } from './bytes-route.js';
import { handleDelay } from './delay-route.js';
import { handleEcho } from './echo-route.js';
import { FAULTS_PREFIX } from './faults/fault-list.js';
import type { FaultRoutes } from './faults/fault-routes.js';
import { sendJsonDocument, sendRoot } from './fixed-routes.js';
import { requestPath } from './request-path.js';
import type { RequestStats } from './request-stats.js';
import { sendError } from './respond.js';
import { handleStats, STATS_PATH, STATS_RESET_PATH } from './stats-route.js';
import { handleStatus } from './status-route.js';
import type { CapacityModel } from './capacity-model.js';

/** A `node:http` request listener. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
/**
 * Builds the request listener that serves every HTTP route and records requests in `stats`; with
 * `faults`, the fault routes too (and close-idle's connections drop their requests before counting);
 * with a capacity `model`, every route but the stats waits for one of its servers first.
 */
export function createRequestHandler(stats: RequestStats, faults: FaultRoutes | null = null, model?: CapacityModel): RequestHandler {
  return (req, res) => {
    if (faults !== null && faults.drops(req)) return;
    const path = requestPath(req.url);
    if (path === undefined) return sendError(res, 400, 'malformed request target');
    if (path === STATS_PATH || path === STATS_RESET_PATH) return guarded(res, path, () => handleStats(req, res, path, stats, model));
    stats.count(path);
    const serve = () =>
      guarded(res, path, () => {
        if (faults !== null && path.startsWith(FAULTS_PREFIX) && faults.handle(req, res, path)) return;
        route(req, res, path);
      });
    if (model) model.admit(res, serve);
    else serve();
  };
}

function guarded(res: ServerResponse, path: string, handle: () => void): void {
  try {
    handle();
  } catch {
    // A route bug must cost one request, never the target that a whole test run depends on.
    if (!res.headersSent) sendError(res, 500, 'internal error', path);
    else res.destroy();
  }
}

function route(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/') return sendRoot(res);
  if (path === '/json') return sendJsonDocument(res);
  if (path === '/echo') return handleEcho(req, res, path);
  const slash = path.indexOf('/', 1);
  if (slash !== -1) {
    const param = path.slice(slash + 1);
    switch (path.slice(0, slash)) {
      case '/delay':
        return handleDelay(res, param, path);
      case '/status':
        return handleStatus(res, param, path);
      case '/bytes':
        return handleBytes(res, param, path);
    }
  }
  sendError(res, 404, 'not found', path);
}
