/** The progress display's text: k6's header and per-scenario lines, and the plain status line for CI logs. */
import { describe, expect, it } from 'vitest';
import { clock, progressLines, statusLine, type ScenarioProgress } from '../../src/outputs/progress-lines.js';

const scenario = (over: Partial<ScenarioProgress>): ScenarioProgress => ({
  name: 'default',
  arrivalRate: false,
  startTimeMs: 0,
  durationMs: 10_000,
  totalIterations: undefined,
  maxVUs: 10,
  activeVUs: 4,
  iterations: 120,
  dropped: 0,
  lastSecond: 30,
  ...over,
});

describe('progressLines', () => {
  it('draws a header, then a bar per scenario by time, by iteration count, or with its rate and drops', () => {
    const lines = progressLines(
      {
        elapsedMs: 4100,
        scenarios: [
          scenario({}),
          scenario({ name: 'fixed', totalIterations: 400, iterations: 100, maxVUs: 2, activeVUs: 2 }),
          scenario({ name: 'api', arrivalRate: true, startTimeMs: 5000, dropped: 3 }),
          scenario({ name: 'open', arrivalRate: true, startTimeMs: 1000, durationMs: 4000, lastSecond: 98, dropped: 2 }),
        ],
      },
      200,
    );
    expect(lines).toEqual([
      'running (0m04.1s), 14/32 VUs, 460 complete iterations',
      'default [=========>--------------] 4/10 VUs  0m04.1s/10s  120 iters',
      'fixed   [=====>------------------] 2/2 VUs  0m04.1s/10s  100/400 iters',
      'api     [------------------------] waiting, starts at 5s',
      'open    [==================>-----] 4/10 VUs  0m03.1s/4s  98 iters/s, 2 dropped',
    ]);
  });

  it("ends with k6's complete and interrupted counts, and cuts lines to the terminal's width", () => {
    const lines = progressLines({ elapsedMs: 10_000, ended: { complete: 118, interrupted: 2 }, scenarios: [scenario({ activeVUs: 0 })] }, 40);
    expect(lines[0]).toBe('done (0m10.0s), 0/10 VUs, 118 complete ');
    expect(lines.every((l) => l.length <= 39)).toBe(true);
    expect(progressLines({ elapsedMs: 10_000, ended: { complete: 118, interrupted: 2 }, scenarios: [] }, 200)).toEqual(['done (0m10.0s), 0/0 VUs, 118 complete and 2 interrupted iterations']);
  });

  it('shows a scenario without an end (externally controlled, no duration) by its elapsed time alone', () => {
    const [, line] = progressLines({ elapsedMs: 65_000, scenarios: [scenario({ durationMs: Infinity })] }, 200);
    expect(line).toBe('default [------------------------] 4/10 VUs  1m05.0s  120 iters');
  });
});

describe('statusLine', () => {
  it('puts everything on one plain line, with no ANSI code', () => {
    const line = statusLine({ elapsedMs: 10_000, scenarios: [scenario({}), scenario({ name: 'api', arrivalRate: true, dropped: 3, durationMs: 40_000 }), scenario({ name: 'open', durationMs: Infinity })] });
    expect(line).toBe('running (0m10.0s), 12/30 VUs, 360 complete iterations; default 100%; api 25%, 3 dropped; open 120 iterations');
    expect(line).not.toMatch(/\x1b/);
  });
});

describe('clock', () => {
  it.each([
    [0, '0m00.0s'],
    [4150, '0m04.1s'],
    [61_000, '1m01.0s'],
    [3_723_000, '1h02m03.0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(clock(ms)).toBe(text);
  });
});
