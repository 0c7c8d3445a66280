/** `--summary-time-unit` as k6's: every time of the summary in one unit (s, ms, us); anything else is a 104. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const script = `
import type { Iteration } from 'volley';
export const options = { vus: 1, iterations: 3, thresholds: { http_req_duration: ['p(95)<5000'] } };
export default async function ({ http, env }: Iteration) { await http.get(env.BASE_URL + '/'); }
`;

describe('--summary-time-unit', () => {
  it('prints every time of the summary in the unit asked for, thresholds included', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '-q', '--summary-time-unit', 'us', '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/http_req_duration\.+: avg=\d+\.\d\dµs min=\d+\.\d\dµs med=\d+\.\d\dµs max=\d+\.\d\dµs/);
    expect(res.stdout).toMatch(/✓ 'p\(95\)<5000' p\(95\)=\d+\.\d\dµs/);
    expect(res.stdout).toMatch(/iteration_duration\.+: avg=\d+\.\d\dµs/);
    expect(res.stdout).not.toMatch(/\d(ms|s) /);
  });

  it('refuses a unit k6 does not know, before the run (104)', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '--summary-time-unit', 'min', '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(`--summary-time-unit: invalid summary time unit "min"; use 's', 'ms', 'us'`);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
