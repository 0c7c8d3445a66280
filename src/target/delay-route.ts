/** `/delay/:ms`: answers after at least `ms` milliseconds, measured on the monotonic clock. */
import type { ServerResponse } from 'node:http';
import { parseBoundedInt } from './request-path.js';
import { sendError, sendJson } from './respond.js';
import { waitAtLeast } from './wait-at-least.js';

/** The longest delay accepted: five minutes, beyond any sensible request timeout. */
export const MAX_DELAY_MS = 300_000;

/** Answers `{ delayMs }` once `param` milliseconds have passed; 400 if `param` is not 0..MAX_DELAY_MS. */
export function handleDelay(res: ServerResponse, param: string, path: string): void {
  const ms = parseBoundedInt(param, MAX_DELAY_MS);
  if (ms === undefined) return sendError(res, 400, `delay must be an integer from 0 to ${MAX_DELAY_MS} ms`, path);
  const wait = waitAtLeast(ms, () => {
    if (!res.destroyed) sendJson(res, 200, { delayMs: ms });
  });
  // A client that resets mid-delay leaves nothing to answer; drop the timer with it.
  res.once('close', () => wait.cancel());
}
