/** `--summary-mode full`: a block per group and per scenario after the totals, with their own counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const script = `
import type { Iteration } from 'volley';
export const options = {
  scenarios: {
    browse: { executor: 'per-vu-iterations', vus: 1, iterations: 3, exec: 'browse' },
    buy: { executor: 'per-vu-iterations', vus: 2, iterations: 2, exec: 'buy' },
  },
};
export async function browse({ http, check, env }: Iteration) {
  const res = await http.get(env.BASE_URL + '/');
  check(res, { 'home ok': (r) => r.status === 200 });
}
export async function buy({ http, check, group, env }: Iteration) {
  await group('cart', async () => {
    const res = await http.get(env.BASE_URL + '/json');
    check(res, { 'cart ok': (r) => r.status === 200 });
  });
}
`;

/** The lines of the block titled `title`, up to the next top-level title. */
function block(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `█ ${title}`);
  expect(start, `no block ${title} in:\n${text}`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('█ '));
  return lines.slice(start, end < 0 ? undefined : end);
}

const lineWith = (lines: string[], needle: string) => lines.find((l) => l.includes(needle))?.trim() ?? '';

describe('--summary-mode full', () => {
  it('adds per-group and per-scenario blocks with their own counts', async () => {
    const { dir, path } = await scenarioFile(script);
    const exported = join(dir, 'summary.json');
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-mode', 'full', '--summary-export', exported]);
    expect(res.code, res.stderr).toBe(0);

    const browse = block(res.stdout, 'SCENARIO: browse');
    expect(lineWith(browse, 'http_reqs')).toMatch(/^http_reqs\.+: 3\s/);
    expect(lineWith(browse, 'checks_total')).toMatch(/^checks_total\.+: 3\s/);
    expect(lineWith(browse, 'home ok')).toBe('✓ home ok');
    expect(browse.join('\n')).not.toContain('cart');

    const buy = block(res.stdout, 'SCENARIO: buy');
    expect(lineWith(buy, 'http_reqs')).toMatch(/^http_reqs\.+: 4\s/);
    expect(lineWith(buy, 'iterations')).toMatch(/^iterations\.+: 4\s/);
    expect(lineWith(buy, '↳ GROUP')).toBe('↳ GROUP: cart');

    const cart = block(res.stdout, 'GROUP: cart');
    expect(lineWith(cart, 'http_reqs')).toMatch(/^http_reqs\.+: 4\s/);
    expect(lineWith(cart, 'checks_succeeded')).toMatch(/^checks_succeeded\.+: 100\.00%\s+4 out of 4$/);
    expect(lineWith(cart, 'cart ok')).toBe('✓ cart ok');
    expect(cart.join('\n')).not.toContain('home ok');

    const data = await readSummary(exported);
    expect(data.metrics.http_reqs?.values.count).toBe(7);
    expect(data.scenarios?.browse?.metrics.http_reqs?.values.count).toBe(3);
    expect(data.groups?.cart?.checks).toEqual([expect.objectContaining({ name: 'cart ok', passes: 4, fails: 0 })]);
  });

  it('prints no such blocks in the default compact mode', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('█ TOTAL RESULTS');
    expect(res.stdout).not.toContain('SCENARIO:');
    expect(res.stdout).not.toContain('GROUP:');
  });
});
