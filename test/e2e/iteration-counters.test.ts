/**
 * Acceptance (issue 13, case 2): k6's iteration counters over two workers, for every executor.
 * `scenario.iterationInTest` is unique and zero-based across the whole test and reads the same
 * after an await; shared-iterations and per-vu-iterations use exactly 0…N−1; `vu.iterationInScenario`
 * counts each VU's own iterations from 0. Every value travels as a log line on stderr.
 */
import { describe, expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';

const script = `
import type { Iteration } from 'volley';
const quick = { gracefulStop: '5s' };
export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 6, iterations: 30, ...quick },
    perVu: { executor: 'per-vu-iterations', vus: 3, iterations: 4, ...quick },
    constant: { executor: 'constant-vus', vus: 3, duration: '1s', ...quick },
    ramping: { executor: 'ramping-vus', startVUs: 1, stages: [{ duration: '1s', target: 4 }], gracefulRampDown: '5s', ...quick },
    arrival: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '1s', preAllocatedVUs: 4, ...quick },
    rampingArrival: { executor: 'ramping-arrival-rate', startRate: 10, timeUnit: '1s', stages: [{ duration: '1s', target: 30 }], preAllocatedVUs: 4, ...quick },
    controlled: { executor: 'externally-controlled', vus: 2, maxVUs: 2, duration: '1s' },
  },
};
export default async function ({ scenario, vu, sleep, log }: Iteration) {
  const atStart = { test: scenario.iterationInTest, vuIter: vu.iterationInScenario };
  await sleep(0.02);
  log('COUNT ' + JSON.stringify({ s: scenario.name, vu: vu.idInTest, ...atStart, testAtEnd: scenario.iterationInTest, vuIterAtEnd: vu.iterationInScenario }));
}
`;

interface Count {
  s: string;
  vu: number;
  test: number;
  vuIter: number;
  testAtEnd: number;
  vuIterAtEnd: number;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('iteration counters across two workers', () => {
  it('numbers every executor’s iterations uniquely from 0, fixed for the iteration', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['run', path, '--workers', '2'], { timeoutMs: 30_000 });
    expect(res.code, res.stderr).toBe(0);
    const counts = [...res.stderr.matchAll(/COUNT (\{.*\})/g)].map((m) => JSON.parse(m[1]!) as Count);
    const of = (s: string) => counts.filter((c) => c.s === s);

    expect(sorted(of('shared').map((c) => c.test))).toEqual(range(30));
    expect(sorted(of('perVu').map((c) => c.test))).toEqual(range(12));
    expect(sorted(of('arrival').map((c) => c.test))).toEqual(range(20));
    for (const s of ['constant', 'ramping', 'rampingArrival', 'controlled']) {
      const numbers = of(s).map((c) => c.test);
      expect(numbers.length, s).toBeGreaterThan(0);
      expect(new Set(numbers).size, `${s}: ${sorted(numbers).join(',')}`).toBe(numbers.length);
      expect(Math.min(...numbers), s).toBe(0);
    }
    for (const c of counts) {
      expect(c.testAtEnd, JSON.stringify(c)).toBe(c.test);
      expect(c.vuIterAtEnd, JSON.stringify(c)).toBe(c.vuIter);
    }
    // Each VU counts its own iterations 0, 1, 2, … (a VU belongs to one scenario).
    const byVu = new Map<number, number[]>();
    for (const c of counts) byVu.set(c.vu, [...(byVu.get(c.vu) ?? []), c.vuIter]);
    for (const [vu, iters] of byVu) expect(sorted(iters), `vu ${vu}`).toEqual(range(iters.length));
  });
});
