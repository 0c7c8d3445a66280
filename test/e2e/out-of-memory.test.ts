/**
 * Init code that allocates without bound meets the same heap cap in the lifecycle thread as in the
 * load threads, and ends the run with one clear line, not a raw ERR_WORKER_OUT_OF_MEMORY stack.
 */
import { expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';

it('init code that allocates without bound ends with a clear out-of-memory message (103)', async () => {
  const { path } = await scenarioFile(`
export const options = { vus: 1, duration: '1s' };
const kept: number[][] = [];
for (;;) kept.push(new Array(1_000_000).fill(1.5));
export default async function () {}
`);
  const res = await runVolley(['run', path], { timeoutMs: 30_000 });
  expect(res.code, res.stderr).toBe(103);
  expect(res.stderr).toMatch(/ran out of memory \(.*limited to 1024 MB/);
  expect(res.stderr).not.toContain('ERR_WORKER_OUT_OF_MEMORY');
  expect(res.stderr).not.toMatch(/^\s+at /m); // no stack
});
