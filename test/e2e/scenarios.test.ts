/** The example scenarios in scenarios/ run green against the embedded target. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { REPO_ROOT } from '../support/repo-root.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it.each(['quickstart.ts', 'ci-gate.ts', 'user-journey.ts', 'ramp-up.ts', 'slo-guard.ts', 'chat.ts'])('scenarios/%s passes its thresholds', async (name) => {
  const res = await runVolley(['run', join(REPO_ROOT, 'scenarios', name), '-e', `BASE_URL=${target.httpUrl}`, '-e', `WS_URL=${target.wsUrl}`]);
  expect(res.code, res.stderr + res.stdout).toBe(0);
  expect(res.stdout).toContain('THRESHOLDS');
});
