/** `volley demo` (what `npm start` runs): the quickstart against the embedded target. */
import { expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';

it('volley demo exits 0 and prints a summary with http_req_duration', async () => {
  const res = await runVolley(['demo']);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toContain('http_req_duration');
});
