import { describe, expect, it } from 'vitest';
import { textSummary } from '../../src/outputs/text-summary.js';
import type { SummaryData, SummaryScope } from '../../src/outputs/summary-data.js';
import { summaryFixture } from './summary-fixture.js';

const reqs = (count: number) => ({ type: 'counter' as const, contains: 'default' as const, values: { count, rate: count / 30 } });
const checks = (passes: number, fails: number) => ({ type: 'rate' as const, contains: 'default' as const, values: { rate: passes / (passes + fails), passes, fails } });
const check = (name: string, passes: number, fails: number) => ({ name, path: `::${name}`, id: name, passes, fails });

/** The fixture with full-mode data: group `cart` (sub-group `pay`), scenarios `browse` and `buy`. */
function fullFixture(): SummaryData {
  const pay: SummaryScope = { metrics: { http_reqs: reqs(3) }, checks: [], groups: {} };
  const cart: SummaryScope = { metrics: { http_reqs: reqs(12), checks: checks(11, 1) }, checks: [check('cart ok', 11, 1)], groups: { pay } };
  return {
    ...summaryFixture(),
    groups: { cart },
    scenarios: {
      buy: { metrics: { http_reqs: reqs(40), iterations: reqs(20) }, checks: [], groups: { cart } },
      browse: { metrics: { http_reqs: reqs(90), checks: checks(30, 0) }, checks: [check('home ok', 30, 0)], groups: {} },
    },
  };
}

/** The lines of the block titled `title`, up to the next top-level title. */
function block(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  █ ${title}`);
  expect(start, `no block ${title}`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('  █ '));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('textSummary in full mode', () => {
  const text = textSummary(fullFixture());

  it('prints group blocks, then scenario blocks sorted by name, after TOTAL RESULTS and before ITERATION ERRORS', () => {
    const at = (t: string) => text.indexOf(`█ ${t}`);
    expect(at('TOTAL RESULTS')).toBeLessThan(at('GROUP: cart'));
    expect(at('GROUP: cart')).toBeLessThan(at('SCENARIO: browse'));
    expect(at('SCENARIO: browse')).toBeLessThan(at('SCENARIO: buy'));
    expect(at('SCENARIO: buy')).toBeLessThan(at('ITERATION ERRORS'));
  });

  it("prints a scope's check totals, its checks and its metrics by section", () => {
    const lines = block(text, 'SCENARIO: browse');
    expect(lines.find((l) => l.includes('checks_total'))).toMatch(/^ {4}checks_total\.+: 30\s+1\/s$/);
    expect(lines).toContain('    ✓ home ok');
    expect(lines).toContain('    HTTP');
    expect(lines.find((l) => l.includes('http_reqs'))).toMatch(/^ {4}http_reqs\.+: 90\s+3\/s$/);
    expect(lines.join('\n')).not.toMatch(/^ {4}checks\./m);
  });

  it('prints a failing check with its counts', () => {
    const lines = block(text, 'GROUP: cart').map((l) => l.trim());
    const at = lines.indexOf('✗ cart ok');
    expect(lines[at + 1]).toBe('↳  91% — ✓ 11 / ✗ 1');
  });

  it('nests a sub-group under a ↳ heading, its lines one level deeper', () => {
    const lines = block(text, 'GROUP: cart');
    const heading = lines.indexOf('    ↳ GROUP: pay');
    expect(heading).toBeGreaterThan(lines.findIndex((l) => l.includes('http_reqs')));
    expect(lines.slice(heading + 1).find((l) => l.includes('http_reqs'))).toMatch(/^ {6}http_reqs\.+: 3\s/);
  });

  it("nests a scenario's groups under it", () => {
    const lines = block(text, 'SCENARIO: buy');
    expect(lines).toContain('    ↳ GROUP: cart');
    expect(lines).toContain('      ↳ GROUP: pay');
    expect(lines.find((l) => l.includes('iterations'))).toMatch(/^ {4}iterations\.+: 20\s/);
  });

  it('leaves the blocks out with summaryMode compact', () => {
    const compact = textSummary(fullFixture(), { summaryMode: 'compact' });
    expect(compact).not.toContain('GROUP:');
    expect(compact).not.toContain('SCENARIO:');
    expect(compact).toContain('█ ITERATION ERRORS');
  });

  it('prints no blocks for data without per-scope results', () => {
    expect(textSummary(summaryFixture(), { summaryMode: 'full' })).toBe(textSummary(summaryFixture()));
    expect(textSummary(summaryFixture())).not.toContain('SCENARIO:');
  });
});
