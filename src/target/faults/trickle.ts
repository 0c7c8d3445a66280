/** `/faults/trickle/:ms`: a body that arrives one byte at a time. */
import type { ServerResponse } from 'node:http';

/** The body trickle sends, one byte at a time. */
export const TRICKLE_BODY = Buffer.from('0123456789');

/** The longest pause between two bytes accepted: one minute (the whole body then takes ten). */
export const MAX_TRICKLE_MS = 60_000;

/** Sends 200 with the body's length at once, then one byte of the body every `ms` milliseconds. */
export function trickle(res: ServerResponse, ms: number): void {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': TRICKLE_BODY.length });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    sent++;
    if (sent < TRICKLE_BODY.length) res.write(TRICKLE_BODY.subarray(sent - 1, sent));
    else {
      clearInterval(timer);
      res.end(TRICKLE_BODY.subarray(sent - 1));
    }
  }, ms);
  // A client that gives up (its timeout) closes the connection: stop writing to it.
  res.once('close', () => clearInterval(timer));
}
