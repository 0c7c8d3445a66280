/**
 * Acceptance: two scenarios run concurrently, the second from its `startTime`, each with its own
 * `exec` function, `env` and `tags`. Timing tolerances are coarse (a noisy 2-core machine meets them).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

const script = `
import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    early: {
      executor: 'constant-vus', vus: 1, duration: '4s', exec: 'early',
      env: { WHO: 'early-env' }, tags: { team: 'alpha' },
    },
    late: {
      executor: 'per-vu-iterations', vus: 2, iterations: 2, startTime: '3s', exec: 'late',
      env: { WHO: 'late-env' }, tags: { team: 'beta' },
    },
  },
  thresholds: {
    'iterations{team:alpha}': ['count>0'],
    'iterations{team:beta}': ['count==4'],
  },
};
/** One line per scenario: when its first iteration started, which function ran it, and what env it saw. */
function announce(fn: string, { scenario, env, log }: Iteration) {
  if (scenario.iterationInTest === 0) {
    log('FIRST ' + JSON.stringify({ fn, scenario: scenario.name, who: env.WHO, shared: env.SHARED, at: Date.now() }));
  }
}
export async function early(ctx: Iteration) {
  announce('early', ctx);
  await ctx.sleep(0.5);
}
export async function late(ctx: Iteration) {
  announce('late', ctx);
  await ctx.sleep(0.1);
}
export default async function () {
  throw new Error('default must not run: every scenario names its exec');
}
`;

interface First {
  fn: string;
  scenario: string;
  who: string;
  shared: string;
  at: number;
}

function firsts(stderr: string): Map<string, First> {
  const found = new Map<string, First>();
  for (const m of stderr.matchAll(/FIRST (\{.*\})/g)) {
    const f = JSON.parse(m[1]!) as First;
    found.set(f.scenario, f);
  }
  return found;
}

describe('concurrent scenarios', () => {
  it('starts the second at its startTime, each with its own exec, env and tags', async () => {
    const { dir, path } = await scenarioFile(script);
    const exported = join(dir, 'summary.json');
    const res = await runVolley(['run', path, '--workers', '1', '-e', 'SHARED=both', '--summary-export', exported]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).not.toContain('default must not run');

    const seen = firsts(res.stderr);
    const early = seen.get('early');
    const late = seen.get('late');
    expect(early, res.stderr).toMatchObject({ fn: 'early', who: 'early-env', shared: 'both' });
    expect(late, res.stderr).toMatchObject({ fn: 'late', who: 'late-env', shared: 'both' });
    const gapMs = late!.at - early!.at;
    expect(gapMs).toBeGreaterThanOrEqual(2900);
    expect(gapMs).toBeLessThanOrEqual(3500);

    const data = await readSummary(exported);
    expect(data.metrics['iterations{team:beta}']?.values.count).toBe(4);
    expect(data.metrics['iterations{team:beta}']?.thresholds?.['count==4']?.ok).toBe(true);
    // ~8 iterations of 0.5 s in 4 s; the tags of one scenario never land on the other's samples.
    const alpha = data.metrics['iterations{team:alpha}']?.values.count ?? 0;
    expect(alpha).toBeGreaterThanOrEqual(6);
    expect(alpha).toBeLessThanOrEqual(9);
    expect(data.metrics.iterations?.values.count).toBe(alpha + 4);
  });
});
