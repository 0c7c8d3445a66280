/** `/__stats` and `POST /__stats/reset`: what the target has served, for end-to-end tests. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestStats } from './request-stats.js';
import type { CapacityModel } from './capacity-model.js';
import { sendError, sendJson } from './respond.js';

/** The stats routes' paths; requests to them are not counted. */
export const STATS_PATH = '/__stats';
/** See STATS_PATH. */
export const STATS_RESET_PATH = '/__stats/reset';

/**
 * `GET /__stats` answers the counts; `POST /__stats/reset` zeroes them and answers the zeroed counts.
 * With a capacity model, both add its figures under `capacity` (capacity-model.ts's CapacityStats).
 */
export function handleStats(req: IncomingMessage, res: ServerResponse, path: string, stats: RequestStats, model?: CapacityModel): void {
  const document = () => (model ? { ...stats.snapshot(), capacity: model.stats() } : stats.snapshot());
  if (path === STATS_PATH) return sendJson(res, 200, document());
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return sendError(res, 405, 'use POST to reset the stats', path);
  }
  stats.reset();
  model?.reset();
  sendJson(res, 200, document());
}
