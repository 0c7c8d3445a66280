/**
 * Opt-in start-up timing for `volley run` (benchmarks/startup.mjs reads it): with
 * `TRACE_VOLLEY_STARTUP=1` (not a VOLLEY_* name: those are all read as `run` flags) the coordinator writes one line to stderr when the workers are told to
 * start, e.g. `startup: cli 95ms, compile 40ms, lifecycle load 70ms, workers ready 80ms, first start 300ms`
 * (phase durations, then the start broadcast's time since the process began).
 *
 * The phases are recorded as `performance` marks on Node's own timeline (a few entries per run,
 * whether tracing or not), so the files that mark them need no shared state and no extra
 * parameter; only a traced run installs the observer that turns the last mark into the line.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { Io } from '../io.js';

/** The marks, in the order a run passes them; each phase lasts from the previous mark to its own. */
export type StartupMark = 'compile-start' | 'compiled' | 'lifecycle-loaded' | 'workers-spawning' | 'workers-ready' | 'first-start';

const PREFIX = 'volley:startup:';

/** Records that the run reached `mark` (performance.now(), milliseconds since the process began). */
export function markStartup(mark: StartupMark): void {
  performance.mark(PREFIX + mark);
}

/** When TRACE_VOLLEY_STARTUP=1, writes the start-up line to stderr once the `first-start` mark is set. */
export function traceStartup(io: Io): void {
  if (io.env.TRACE_VOLLEY_STARTUP !== '1') return;
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntriesByName(PREFIX + 'first-start').length) return;
    observer.disconnect();
    io.stderr.write(`${startupLine()}\n`);
  });
  observer.observe({ entryTypes: ['mark'] });
}

function startupLine(): string {
  const at = (mark: StartupMark): number => performance.getEntriesByName(PREFIX + mark).at(-1)?.startTime ?? NaN;
  const ms = (n: number): string => `${Math.round(n)}ms`;
  return [
    `startup: cli ${ms(at('compile-start'))}`,
    `compile ${ms(at('compiled') - at('compile-start'))}`,
    `lifecycle load ${ms(at('lifecycle-loaded') - at('compiled'))}`,
    `workers ready ${ms(at('workers-ready') - at('workers-spawning'))}`,
    `first start ${ms(at('first-start'))}`,
  ].join(', ');
}
