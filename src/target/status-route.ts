/** `/status/:code`: answers with the requested status code. */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { parseBoundedInt } from './request-path.js';
import { sendBody, sendError } from './respond.js';

/**
 * Answers with status `param` (100..599; else 400). 204 and 304 carry no body, as HTTP requires.
 * A 1xx status cannot be a final response: a client would wait for the real one forever, so the
 * target sends the 1xx and closes the connection, which the client sees as an error, not a hang.
 */
export function handleStatus(res: ServerResponse, param: string, path: string): void {
  const code = parseBoundedInt(param, 599);
  if (code === undefined || code < 100) return sendError(res, 400, 'status must be an integer from 100 to 599', path);
  if (code < 200) {
    res.writeHead(code, { connection: 'close' });
    res.end();
    return;
  }
  if (code === 204 || code === 304) {
    res.writeHead(code);
    res.end();
    return;
  }
  sendBody(res, code, 'text/plain; charset=utf-8', `${code} ${STATUS_CODES[code] ?? 'Unknown'}\n`);
}
