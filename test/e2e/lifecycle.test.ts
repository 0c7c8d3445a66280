/** setup/teardown in the lifecycle worker, and test.abort()/test.fail(), with their exit codes. */
import { describe, expect, it } from 'vitest';
import { runVolley, signalAndWait, spawnVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';

const script = `
import type { Iteration, SetupContext, TeardownContext } from 'volley';
export const options = { vus: 4, iterations: 8, setupTimeout: '1s' };
export async function setup({ sleep, env }: SetupContext) {
  if (env.MODE === 'slow-setup') await sleep(3);
  if (env.MODE === 'throw-setup') throw new Error('setup broke');
  return { token: 'abc' };
}
export default async function ({ data, vu, test, env, log }: Iteration<{ token: string }>) {
  // Each VU owns its copy: it sees setup's value or its own change, never another VU's.
  if (data.token !== 'abc' && data.token !== 'changed by vu ' + vu.idInTest) throw new Error('setup data wrong: ' + data.token);
  data.token = 'changed by vu ' + vu.idInTest;
  log('saw data');
  if (env.MODE === 'abort' && vu.idInTest === 2) test.abort('enough');
  if (env.MODE === 'fail') test.fail('marked');
}
export function teardown({ data }: TeardownContext<{ token: string }>) {
  console.log('teardown got ' + data.token);
}
`;

describe('lifecycle', () => {
  it('hands setup data to every VU in every worker and to teardown', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '--workers', '2', '-e', 'MODE=ok']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('teardown got abc');
    expect(res.stderr).not.toContain('an iteration threw');
    expect(res.stderr.match(/saw data/g)).toHaveLength(8);
    expect(res.stdout).not.toContain('ITERATION ERRORS');
  });

  it.each([
    ['slow-setup', 100, 'setup() did not finish within 1s'],
    ['throw-setup', 107, 'setup broke'],
    ['abort', 108, 'test aborted: enough'],
    ['fail', 110, 'teardown got abc'],
  ])('MODE=%s exits %i', async (mode, code, text) => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '-e', `MODE=${mode}`]);
    expect(res.code, res.stderr).toBe(code);
    expect(res.stderr).toContain(text);
  });

  it("a setupTimeout of '30d', longer than a Node timer holds, does not time setup out at once", async () => {
    const { path } = await scenarioFile(`
export const options = { iterations: 1, setupTimeout: '30d' };
export async function setup({ sleep }) { await sleep(0.2); return {}; }
export default async function () {}
`);
    const res = await runVolley(['run', path, '-q']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).not.toContain('TimeoutOverflowWarning');
  });

  it('after a teardown timeout, a handleSummary that cannot run leaves the default summary and exit 101', async () => {
    const { path } = await scenarioFile(`
export const options = { vus: 1, iterations: 1, teardownTimeout: '1s' };
export default async function () {}
export async function teardown() { await new Promise(() => {}); }
export function handleSummary() { return { stdout: 'custom summary' }; }
`);
    const res = await runVolley(['run', path], { timeoutMs: 20_000 });
    expect(res.code, res.stderr).toBe(101);
    expect(res.stderr).toContain('handleSummary() could not run: the lifecycle thread was ended (teardown() did not finish within 1s)');
    expect(res.stdout).toContain('TOTAL RESULTS');
  });

  it('a second ^C ends a teardown() that never finishes at once, and the summary is still printed (105)', async () => {
    const { path } = await scenarioFile(`
export const options = { vus: 1, iterations: 1, teardownTimeout: '60s' };
export default async function () {}
export async function teardown() { console.log('teardown began'); await new Promise(() => {}); }
`);
    const proc = spawnVolley(['run', path], { timeoutMs: 20_000 });
    await proc.waitForOutput('teardown began', 'stderr');
    proc.child.kill('SIGINT');
    await proc.waitForOutput('stopping gracefully', 'stderr');
    const { res, ms } = await signalAndWait(proc);
    expect(res.code, res.stderr).toBe(105);
    expect(ms).toBeLessThan(2000);
    expect(res.stderr).toContain('stopped during teardown()');
    expect(res.stdout).toContain('TOTAL RESULTS');
  });
});
