/**
 * Acceptance of `volley capacity` (issue #17) against the target's capacity model, 7 servers × 20 ms
 * (350 requests/s nominal; the target reports what its servers really took): a search with the
 * default settings. Its own file, so that it runs beside the other capacity tests, not after them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { tempDir } from '../support/temp-dir.js';
import { REPO_ROOT } from '../support/repo-root.js';
import { readSummary } from '../support/summary-export.js';
import { startTargetProcess, type TargetProcess } from '../support/target-process.js';
import type { CapacityStats } from '../../src/target/index.js';

/** The example scenario: its default function gets `/`, its own thresholds are only reported. */
const SCRIPT = join(REPO_ROOT, 'scenarios', 'capacity.ts');

let target: TargetProcess;
beforeAll(async () => (target = await startTargetProcess(['--servers', '7', '--service-time', '20ms'])));
afterAll(() => target.close());

describe('volley capacity against 7 servers × 20 ms', () => {
  // Whether 308/s (93 % of a measured 331/s) meets p(99) < 100 ms decides the answer, and a machine
  // busy enough to stall the target or the generator for ~80 ms within a step can fail it: one more
  // search, then, before calling the result wrong.
  it('finds the capacity the target measured within ±10 %, not as a lower bound, in at most 10 steps', { timeout: 160_000, retry: 1 }, async () => {
    const exported = join(await tempDir(), 'summary.json');
    await fetch(`${target.httpUrl}/__stats/reset`, { method: 'POST' }); // a retry measures afresh
    const res = await runVolley(['capacity', SCRIPT, '-e', `BASE_URL=${target.httpUrl}`, '--slo', 'http_req_duration:p(99)<100', '--summary-export', exported], { timeoutMs: 150_000 });
    const { capacity: measured } = await target.stats<{ capacity: CapacityStats }>();
    const { capacity, state } = await readSummary(exported);
    expect(res.code, res.stderr).toBe(0);
    expect(capacity!.lowerBound).toBe(false);
    expect(capacity!.steps.length).toBeLessThanOrEqual(10);
    const steps = capacity!.steps.reduce((ms, s) => ms + s.warmupMs + s.holdMs, 0);
    expect(steps).toBeLessThan(100_000);
    expect(state.testRunDurationMs).toBeLessThan(100_000); // the steps and the drains between them
    const truth = measured.measuredCapacityPerSecond!;
    expect(capacity!.sustainableRate!, `found ${capacity!.sustainableRate}/s, the target measured ${truth}/s\n${res.stdout}`).toBeGreaterThanOrEqual(0.9 * truth);
    expect(capacity!.sustainableRate!).toBeLessThanOrEqual(1.1 * truth);
    expect(capacity!.firstFailedSlo?.slo).toBe('http_req_duration:p(99)<100');
    expect(res.stdout).toContain('CAPACITY');
    expect(res.stdout).toMatch(/sustainable rate: [\d,.]+\/s meeting every SLO/);
  });
});
