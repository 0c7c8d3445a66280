import { describe, expect, it } from 'vitest';
import { textSummary } from '../../src/outputs/text-summary.js';
import { summaryFixture } from './summary-fixture.js';

/** The line containing `needle`, trimmed; fails the test when there is none. */
function lineWith(text: string, needle: string): string {
  const line = text.split('\n').find((l) => l.includes(needle));
  expect(line, `no line contains ${JSON.stringify(needle)}`).toBeDefined();
  return (line ?? '').trim();
}

describe('textSummary', () => {
  const text = textSummary(summaryFixture());

  it('prints the THRESHOLDS block before TOTAL RESULTS', () => {
    expect(text.indexOf('█ THRESHOLDS')).toBeGreaterThan(-1);
    expect(text.indexOf('█ THRESHOLDS')).toBeLessThan(text.indexOf('█ TOTAL RESULTS'));
  });

  it('opens TOTAL RESULTS with k6\'s end-of-run count of complete and interrupted iterations', () => {
    expect(lineWith(text, 'interrupted iterations')).toBe('5990 complete and 10 interrupted iterations');
    expect(text.indexOf('█ TOTAL RESULTS')).toBeLessThan(text.indexOf('5990 complete'));
    expect(text.indexOf('5990 complete')).toBeLessThan(text.indexOf('EXECUTION'));
  });

  it('prints no iteration counts for data that has none (an older export)', () => {
    const data = summaryFixture();
    delete (data.state as Partial<typeof data.state>).iterations;
    expect(textSummary(data)).not.toContain('interrupted iterations');
  });

  it('marks a passing threshold with ✓ and the value it compared', () => {
    expect(lineWith(text, "'p(95)<300'")).toBe("✓ 'p(95)<300' p(95)=25.9ms");
  });

  it('marks a failing threshold with ✗, taking the value from the metric when the result has none', () => {
    expect(lineWith(text, "'rate<0.01'")).toBe("✗ 'rate<0.01' rate=1.00%");
  });

  it('prints the observed value a threshold result carries even when the stat is not a summary stat', () => {
    expect(lineWith(text, "'p(99)<20'")).toBe("✗ 'p(99)<20' p(99)=41.37ms");
  });

  it('nests a sub-metric threshold under its parent', () => {
    const lines = text.split('\n');
    const sub = lines.findIndex((l) => l.trim() === '{status:200}');
    expect(sub).toBeGreaterThan(lines.findIndex((l) => l.trim() === 'http_req_duration'));
    expect(lines[sub]).toMatch(/^ {6}\{status:200\}$/);
  });

  it('prints the check totals', () => {
    expect(lineWith(text, 'checks_total')).toMatch(/^checks_total\.+: 12000\s+400\/s$/);
    expect(lineWith(text, 'checks_succeeded')).toMatch(/^checks_succeeded\.+: 99\.00%\s+11880 out of 12000$/);
    expect(lineWith(text, 'checks_failed')).toMatch(/^checks_failed\.+: 1\.00%\s+120 out of 12000$/);
  });

  it('prints a passing check with ✓', () => {
    expect(lineWith(text, 'status is 200')).toBe('✓ status is 200');
  });

  it('prints a failing check with ✗ and its pass/fail counts, under its group heading', () => {
    const lines = text.split('\n').map((l) => l.trim());
    const heading = lines.indexOf('█ login');
    expect(heading).toBeGreaterThan(-1);
    expect(lines.slice(heading + 1, heading + 3)).toEqual(['✗ token present', '↳  98% — ✓ 5880 / ✗ 120']);
  });

  it('leaves out groups without checks', () => {
    expect(text).not.toContain('█ empty');
  });

  it('prints a time trend with its stats in summaryTrendStats order', () => {
    expect(lineWith(text, 'http_req_duration....')).toMatch(
      /: avg=12\.1ms\s+min=1\.2ms\s+med=10\.4ms\s+max=95ms\s+p\(90\)=20\.3ms\s+p\(95\)=25\.9ms$/,
    );
  });

  it('follows a different summaryTrendStats order and selection', () => {
    const data = summaryFixture();
    data.options.summaryTrendStats = ['p(95)', 'count', 'max'];
    expect(lineWith(textSummary(data), 'http_req_duration.')).toMatch(/: p\(95\)=25\.9ms\s+count=6000\s+max=95ms$/);
  });

  it('prints a non-time trend as plain numbers', () => {
    expect(lineWith(text, 'item_size')).toMatch(/: avg=152\.355556\s+min=120\s+med=141\s+max=684/);
  });

  it('indents a sub-metric under its parent as { tags }', () => {
    expect(text).toMatch(/\n {6}\{ status:200 \}\.+: avg=11\.5ms/);
  });

  it('prints counters as count and rate per second, data counters in kB/MB', () => {
    expect(lineWith(text, 'http_reqs')).toMatch(/^http_reqs\.+: 6000\s+200\/s$/);
    expect(lineWith(text, 'data_received')).toMatch(/: 1\.3 MB 31 kB\/s$/);
  });

  it('prints rates as a percentage and n out of m, gauges with min and max', () => {
    expect(lineWith(text, 'http_req_failed..')).toMatch(/: 1\.00%\s+60 out of 6000$/);
    expect(lineWith(text, 'vus...')).toMatch(/: 0\s+min=0 max=50$/);
  });

  it('aligns the colons of every metric line', () => {
    const columns = text.split('\n').filter((l) => /\.{3,}:/.test(l)).map((l) => l.search(/\.:/));
    expect(new Set(columns).size).toBe(1);
  });

  it('prints sections in k6 order and leaves out the checks metric itself', () => {
    const order = ['CUSTOM', 'HTTP', 'EXECUTION', 'NETWORK'].map((s) => text.indexOf(`\n    ${s}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/\n\s+checks\.+:/);
  });

  it('prints one line per iteration error, most frequent first, with its location', () => {
    const block = text.slice(text.indexOf('█ ITERATION ERRORS'));
    expect(block.split('\n').filter((l) => l.includes('iteration error')).map((l) => l.trim())).toEqual([
      '3 iteration errors: TypeError: x is undefined at scenario.ts:12',
      '1 iteration error: Error: boom',
    ]);
  });

  it('omits the ITERATION ERRORS block when there were none', () => {
    const data = summaryFixture();
    delete data.iteration_errors;
    expect(textSummary(data)).not.toContain('ITERATION ERRORS');
  });

  it('prints one line per lost worker after the iteration errors, and no block when none was lost', () => {
    const data = summaryFixture();
    data.worker_failures = [
      { worker: 1, workers: 2, atMs: 310, kind: 'died', reason: 'the script called process.exit(3) at scenario.ts:7' },
      { worker: 2, workers: 2, atMs: 6020, kind: 'hung', reason: 'an iteration of scenario spin never yielded' },
    ];
    const block = textSummary(data).split('█ WORKER FAILURES')[1] ?? '';
    expect(block.trim().split('\n').map((l) => l.trim())).toEqual([
      'worker 1 of 2 died at 0.3s: the script called process.exit(3) at scenario.ts:7',
      'worker 2 of 2 was ended at 6.0s: an iteration of scenario spin never yielded',
    ]);
    expect(text).not.toContain('WORKER FAILURES');
  });

  it('omits the THRESHOLDS block when no metric has thresholds', () => {
    const data = summaryFixture();
    for (const m of Object.values(data.metrics)) delete m.thresholds;
    expect(textSummary(data)).not.toContain('THRESHOLDS');
  });

  it('has no ANSI codes and no trailing spaces when colors are off', () => {
    expect(text).not.toContain('\x1b[');
    expect(text.split('\n').filter((l) => l !== l.trimEnd())).toEqual([]);
  });

  it('colors ✓ green and ✗ red when colors are on', () => {
    const colored = textSummary(summaryFixture(), { enableColors: true });
    expect(colored).toContain('\x1b[32m✓\x1b[0m');
    expect(colored).toContain('\x1b[31m✗\x1b[0m');
  });

  it('keeps the same text under the colors', () => {
    const colored = textSummary(summaryFixture(), { enableColors: true });
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(text);
  });

  it('prefixes every non-empty line with the indent option', () => {
    const indented = textSummary(summaryFixture(), { indent: '> ' });
    const lines = indented.split('\n').filter((l) => l !== '');
    expect(lines.every((l) => l.startsWith('> '))).toBe(true);
  });

  it('omits the check lines when the run had no checks', () => {
    const data = summaryFixture();
    delete data.metrics.checks;
    data.root_group.checks = [];
    data.root_group.groups = [];
    expect(textSummary(data)).not.toContain('checks_total');
  });

  it('uses summaryTimeUnit for time values', () => {
    const data = summaryFixture();
    data.options.summaryTimeUnit = 's';
    expect(lineWith(textSummary(data), "'p(95)<300'")).toBe("✓ 'p(95)<300' p(95)=0.03s");
  });
});
