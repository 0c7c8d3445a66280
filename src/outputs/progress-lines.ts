/**
 * The progress display's text, as k6 draws it: a header line (elapsed time, active and maximum
 * VUs, iterations) and one line per scenario with a bar, its VUs, its elapsed and total time, and
 * its iterations (out of its total for the iteration-count executors; the rate of the last second
 * and the dropped count for the arrival-rate ones). Pure: state in, lines out.
 */
import { formatDuration } from '../config/duration.js';

/** One scenario as the display shows it. */
export interface ScenarioProgress {
  readonly name: string;
  /** Arrival-rate executors show their rate and dropped iterations. */
  readonly arrivalRate: boolean;
  readonly startTimeMs: number;
  /** Its own duration (graceful stop left out); Infinity when it runs until stopped. */
  readonly durationMs: number;
  /** The iterations it runs in all, for the fixed-count executors. */
  readonly totalIterations: number | undefined;
  readonly maxVUs: number;
  readonly activeVUs: number;
  /** Complete iterations so far. */
  readonly iterations: number;
  readonly dropped: number;
  /** Iterations of the last closed second (the rate an arrival-rate scenario achieves). */
  readonly lastSecond: number;
}

export interface RunProgress {
  readonly elapsedMs: number;
  readonly scenarios: readonly ScenarioProgress[];
  /** The end's counts (k6's `N complete and M interrupted iterations`); undefined while running. */
  readonly ended?: { readonly complete: number; readonly interrupted: number };
}

const BAR_WIDTH = 24;

/** The lines drawn on a terminal, each cut to `columns - 1` characters so none wraps. */
export function progressLines(run: RunProgress, columns: number): string[] {
  const width = Math.max(...run.scenarios.map((s) => s.name.length), 0);
  const lines = [header(run), ...run.scenarios.map((s) => `${s.name.padEnd(width)} ${bar(fraction(s, run.elapsedMs))} ${scenarioText(s, run.elapsedMs, run.ended !== undefined)}`)];
  return lines.map((l) => (l.length < columns ? l : l.slice(0, Math.max(1, columns - 1))));
}

/** The one plain line printed every few seconds without a terminal: `running (0m10.0s), 4/10 VUs, 412 complete iterations; default 33%`. */
export function statusLine(run: RunProgress): string {
  const parts = run.scenarios.map((s) => {
    const f = fraction(s, run.elapsedMs);
    const done = f === undefined ? `${s.iterations} iterations` : `${Math.floor(f * 100)}%`;
    return `${s.name} ${done}${s.arrivalRate ? `, ${s.dropped} dropped` : ''}`;
  });
  return [header(run), ...parts].join('; ');
}

function header(run: RunProgress): string {
  const vus = run.scenarios.reduce((n, s) => n + s.activeVUs, 0);
  const maxVUs = run.scenarios.reduce((n, s) => n + s.maxVUs, 0);
  const iterations = run.ended
    ? `${run.ended.complete} complete and ${run.ended.interrupted} interrupted iterations`
    : `${run.scenarios.reduce((n, s) => n + s.iterations, 0)} complete iterations`;
  return `${run.ended ? 'done' : 'running'} (${clock(run.elapsedMs)}), ${vus}/${maxVUs} VUs, ${iterations}`;
}

function scenarioText(s: ScenarioProgress, elapsedMs: number, ended: boolean): string {
  if (elapsedMs < s.startTimeMs) return `waiting, starts at ${formatDuration(s.startTimeMs)}`;
  const time = `${clock(ownElapsed(s, elapsedMs))}${Number.isFinite(s.durationMs) ? `/${formatDuration(s.durationMs)}` : ''}`;
  const vus = `${s.activeVUs}/${s.maxVUs} VUs`;
  return `${vus}  ${time}  ${workText(s, ended)}`;
}

/** `40/100 iters` (a fixed count), `98 iters/s, 2 dropped` (arrival rates, while running), `412 iters`. */
function workText(s: ScenarioProgress, ended: boolean): string {
  if (s.totalIterations !== undefined) return `${s.iterations}/${s.totalIterations} iters`;
  if (!s.arrivalRate) return `${s.iterations} iters`;
  return `${ended ? `${s.iterations} iters` : `${s.lastSecond} iters/s`}, ${s.dropped} dropped`;
}

function ownElapsed(s: ScenarioProgress, elapsedMs: number): number {
  return Math.min(Math.max(0, elapsedMs - s.startTimeMs), s.durationMs);
}

/** How far the scenario is: iterations out of its total, else time out of its duration; undefined when it has neither. */
function fraction(s: ScenarioProgress, elapsedMs: number): number | undefined {
  if (s.totalIterations) return Math.min(1, s.iterations / s.totalIterations);
  return Number.isFinite(s.durationMs) && s.durationMs > 0 ? ownElapsed(s, elapsedMs) / s.durationMs : undefined;
}

/** `[=========>--------------------]`; all dashes when the scenario has no end to measure against. */
function bar(f: number | undefined): string {
  const filled = Math.round((f ?? 0) * BAR_WIDTH);
  const head = f !== undefined && filled > 0 && filled < BAR_WIDTH ? '>' : '';
  return `[${'='.repeat(filled - head.length)}${head}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

/** k6's elapsed clock: `0m04.1s`, `12m30.0s`, `1h02m03.0s`. */
export function clock(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  const m = Math.floor(tenths / 600) % 60;
  const h = Math.floor(tenths / 36_000);
  return h ? `${h}h${String(m).padStart(2, '0')}m${s}s` : `${m}m${s}s`;
}
