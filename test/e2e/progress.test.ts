/**
 * The live progress display on a terminal: volley runs in a pseudo-terminal (util-linux `script`),
 * and the transcript shows the block redrawn in place, the scripts' console output above it, and
 * the last drawing's iteration counts. `--quiet` leaves only the summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const script = `
import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    steady: { executor: 'constant-vus', vus: 2, duration: '2500ms' },
    fixed: { executor: 'per-vu-iterations', vus: 1, iterations: 4 },
  },
};
export default async function ({ http, sleep, env, vu }: Iteration) {
  await http.get(env.BASE_URL + '/');
  if (vu.iterationInScenario === 3) console.log('a line from the script');
  await sleep(0.2);
}
`;

/** util-linux's script(1), which CI's Debian has in bsdutils (essential): the test says so plainly if not. */
function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('progress', () => {
  it('redraws one line per scenario in place on a terminal, with the script output above it, and ends with the iteration counts', async () => {
    expect(hasScript(), 'script(1) from util-linux is needed to run volley in a terminal').toBe(true);
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '--workers', '1', '-e', `BASE_URL=${target.httpUrl}`], { terminal: true, timeoutMs: 30_000 });
    expect(res.code, res.stdout).toBe(0);
    const screen = res.stdout.replace(/\r/g, '');
    // Each redraw moves up over the 3 lines drawn before (header, steady, fixed) and erases them.
    expect(screen).toContain('\x1b[3A\x1b[J');
    const headers = screen.match(/running \(0m0\d\.\ds\), \d\/3 VUs, \d+ complete iterations/g) ?? [];
    expect(new Set(headers).size, screen).toBeGreaterThan(3);
    expect(screen).toMatch(/^steady \[[=>-]{24}\] \d\/2 VUs {2}0m0\d\.\ds\/2\.5s {2}\d+ iters$/m);
    expect(screen).toMatch(/^fixed {2}\[[=>-]{24}\] \d\/1 VUs {2}0m0\d\.\ds\/10m {2}\d\/4 iters$/m);
    // A line the script writes while the block is shown: the block is erased, the line written whole, the block drawn below it.
    expect(screen).toMatch(/\x1b\[3A\x1b\[Ja line from the script\nrunning \(/);
    const last = /done \(0m0\d\.\ds\), 0\/3 VUs, (\d+) complete and 0 interrupted iterations\n(.*)\n(.*)\n/.exec(screen);
    expect(last, screen).not.toBeNull();
    expect(last![2]).toMatch(/^steady \[={24}\] 0\/2 VUs/);
    expect(last![3]).toMatch(/^fixed {2}\[={24}\] 0\/1 VUs  0m0\d\.\ds\/10m  4\/4 iters$/);
    // The summary follows the last drawing, with the same count.
    expect(screen.indexOf('TOTAL RESULTS')).toBeGreaterThan(last!.index);
    expect(screen).toContain(`${last![1]} complete and 0 interrupted iterations`);
  });

  it('--quiet prints no banner and no progress, only the summary', async () => {
    const { path } = await scenarioFile(script.replace("duration: '2500ms'", "duration: '1s'"));
    const res = await runVolley(['run', path, '--quiet', '--workers', '1', '-e', `BASE_URL=${target.httpUrl}`], { terminal: true, timeoutMs: 30_000 });
    expect(res.code, res.stdout).toBe(0);
    expect(res.stdout).not.toMatch(/running \(|done \(|volley: /);
    expect(res.stdout).toContain('TOTAL RESULTS');
  });
});
