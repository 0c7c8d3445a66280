/** A SummaryData fixture shared by the text-summary tests: a small HTTP run with checks in groups. */
import type { SummaryData } from '../../src/outputs/summary-data.js';

/** A fresh copy each call, so a test may mutate its own. */
export function summaryFixture(): SummaryData {
  return {
    state: { testRunDurationMs: 30_000, isStdOutTTY: false, isStdErrTTY: false, iterations: { complete: 5990, interrupted: 10 } },
    options: { summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'], summaryTimeUnit: null, noColor: true },
    metrics: {
      http_req_duration: {
        type: 'trend',
        contains: 'time',
        values: { count: 6000, avg: 12.1, min: 1.2, med: 10.4, max: 95, 'p(90)': 20.3, 'p(95)': 25.9 },
        thresholds: { 'p(95)<300': { ok: true } },
      },
      'http_req_duration{status:200}': {
        type: 'trend',
        contains: 'time',
        values: { count: 5940, avg: 11.5, min: 1.2, med: 10.1, max: 80, 'p(90)': 19.8, 'p(95)': 24.2 },
        thresholds: { 'p(99)<20': { ok: false, observed: 41.37 } } as Record<string, { ok: boolean }>,
      },
      http_req_failed: {
        type: 'rate',
        contains: 'default',
        values: { rate: 0.01, passes: 60, fails: 5940 },
        thresholds: { 'rate<0.01': { ok: false } },
      },
      http_reqs: { type: 'counter', contains: 'default', values: { count: 6000, rate: 200 } },
      iterations: { type: 'counter', contains: 'default', values: { count: 6000, rate: 200 } },
      iteration_duration: {
        type: 'trend',
        contains: 'time',
        values: { count: 6000, avg: 1012.5, min: 1001.2, med: 1010, max: 1200, 'p(90)': 1020, 'p(95)': 1030.25 },
      },
      vus: { type: 'gauge', contains: 'default', values: { value: 0, min: 0, max: 50 } },
      data_received: { type: 'counter', contains: 'data', values: { count: 1_300_000, rate: 31_000 } },
      data_sent: { type: 'counter', contains: 'data', values: { count: 81_000, rate: 2_000 } },
      item_size: {
        type: 'trend',
        contains: 'default',
        values: { count: 10, avg: 152.3555556, min: 120, med: 141, max: 684, 'p(90)': 147.2, 'p(95)': 148.8 },
      },
      checks: { type: 'rate', contains: 'default', values: { rate: 0.99, passes: 11_880, fails: 120 } },
    },
    root_group: {
      name: '',
      path: '',
      id: 'root',
      groups: [
        {
          name: 'login',
          path: '::login',
          id: 'g1',
          groups: [],
          checks: [{ name: 'token present', path: '::login::token present', id: 'c2', passes: 5880, fails: 120 }],
        },
        { name: 'empty', path: '::empty', id: 'g2', groups: [], checks: [] },
      ],
      checks: [{ name: 'status is 200', path: '::status is 200', id: 'c1', passes: 6000, fails: 0 }],
    },
    iteration_errors: [
      { message: 'Error: boom', count: 1 },
      { message: 'TypeError: x is undefined', location: 'scenario.ts:12', count: 3 },
    ],
  };
}
