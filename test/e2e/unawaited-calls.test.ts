/**
 * Acceptance (issue 13, case 3): `http.get()`, `sleep()` and `group()` called without `await` (a k6
 * habit) are warned about once per call site, naming the script's line, over two workers; the
 * iteration waits for them, so the requests complete and are counted. A call site that never runs
 * again is still warned about, without its line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

// Line numbers matter: the warnings name lines 8 (http.get), 9 (group) and 12 (sleep).
const script = `import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    habits: { executor: 'per-vu-iterations', vus: 2, iterations: 3, exec: 'habits' },
    once: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'once' },
  },
};
export async function habits({ http, group, sleep, env }: Iteration) {
  const res = http.get(env.BASE_URL + '/');
  group('inner', async () => {
    await http.get(env.BASE_URL + '/json');
  });
  sleep(0.05);
  if (!res) throw new Error('unreachable');
}
export async function once({ sleep }: Iteration) {
  sleep(0.05);
}
`;

it('warns once per un-awaited call site with its line, and the requests still complete and count', async () => {
  const { dir, path } = await scenarioFile(script);
  const exported = join(dir, 'summary.json');
  const before = await stats();
  const res = await runVolley(['run', path, '--workers', '2', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', exported], { timeoutMs: 20_000 });
  expect(res.code, res.stderr).toBe(0);
  const warnings = res.stderr.split('\n').filter((l) => l.startsWith('warning:') && l.includes('was not awaited'));
  expect(warnings, res.stderr).toHaveLength(4);
  expect(warnings.filter((w) => w.includes('http.get() was not awaited at scenario.ts:9 ') && w.includes('await http.get(...)'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('group() was not awaited at scenario.ts:10 '))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('sleep() was not awaited at scenario.ts:13 '))).toHaveLength(1);
  // The inner request was awaited inside its group: the group stands for it.
  expect(res.stderr).not.toContain('scenario.ts:11');
  // `once` never runs its sleep again, so no stack names its line.
  expect(warnings.filter((w) => w.includes('sleep() was not awaited in scenario once; its line is named when the call runs again, and it did not'))).toHaveLength(1);

  const summary = await readSummary(exported);
  expect(summary.metrics.http_reqs?.values.count).toBe(12);
  expect(summary.metrics.iterations?.values.count).toBe(7);
  expect(summary.state.iterations).toEqual({ complete: 7, interrupted: 0 });
  // Each iteration waited for its un-awaited sleep of 50 ms.
  expect(summary.metrics.iteration_duration?.values.min).toBeGreaterThanOrEqual(49);
  const after = await stats();
  expect((after['/'] ?? 0) - (before['/'] ?? 0)).toBe(6);
  expect((after['/json'] ?? 0) - (before['/json'] ?? 0)).toBe(6);
});

async function stats(): Promise<Record<string, number>> {
  return (await (await fetch(`${target.httpUrl}/__stats`)).json()) as Record<string, number>;
}
