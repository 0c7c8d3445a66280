/**
 * The output seam (k6's `output` package). An output kind is one file exporting an OutputKind and
 * one line in outputs/registry.ts: the CLI finds it there by name (`--out csv=…`), by its own flag
 * (`--junit FILE`) or runs it in every run (the summary); its `parse` checks the target before the
 * run; the factory it returns makes the output when the load starts. The output then sees each
 * closed second and, at the end, the summary data; it knows nothing of executors or workers.
 * outputs/output-set.ts feeds them and finishes them on every exit path.
 */
import type { ConfigIssue } from '../errors.js';
import type { Io } from '../io.js';
import type { ResolvedOptions, ResolvedScenario } from '../config/options.js';
import type { ExecutionPlan } from '../executors/types.js';
import type { Segment } from '../executors/segment.js';
import type { MetricStore } from '../metrics/metric-store.js';
import type { SummaryData } from './summary-data.js';

/** A running output. Calls never overlap; a throw or a rejection disables only this output. */
export interface Output {
  /** One closed second of the run, in order. Must not block: write (buffered) or keep a little state. */
  addSecond?(second: SecondView): void;
  /** Writes what is left (the summary, when the run got that far), flushes and closes; called exactly once. */
  finish(end: RunEnd): Promise<void>;
}

/** Makes the output when the load starts, or undefined when it has nothing to do in this run (progress with `--quiet`). */
export type OutputFactory = (start: OutputStart) => Output | undefined;

/** One kind of output: what `outputs/registry.ts` lists. */
export interface OutputKind {
  /** The name `--out` takes (`json`), or the output's own name when a flag or every run selects it. */
  readonly name: string;
  /** Other names `--out` accepts (k6's `experimental-prometheus-rw` for `prometheus`). */
  readonly aliases?: readonly string[];
  /** How a run asks for it: `--out NAME[=TARGET]`; its own flag (`--junit FILE`), whose `describe` is the flag's help; or every run. */
  readonly selectedBy: { readonly out: true } | { readonly flag: string; readonly describe: string } | { readonly always: true };
  /**
   * Checks the target before anything runs (a file's folder exists and is writable, a URL is well
   * formed, the query string's options are known) and returns the factory; problems go to `issues`
   * (exit 104) and the result is then undefined.
   */
  parse(target: OutputTarget, issues: ConfigIssue[]): OutputFactory | undefined;
}

/** The text after `--out KIND=` (or a flag's value), split at its first `?` into the target and its options. */
export interface OutputTarget {
  /** How the user named it, for messages: `--out csv`, `--junit`. */
  readonly flag: string;
  /** The target without its options: a file name, a URL; '' when none was given. */
  readonly value: string;
  /** The output's own options, from the query string (`?timeFormat=rfc3339`). */
  readonly options: URLSearchParams;
  /** Where relative file names resolve from. */
  readonly cwd: string;
}

/** The scenarios as planned, in the options' order. */
export interface PlannedScenarioView {
  readonly scenario: ResolvedScenario;
  readonly plan: ExecutionPlan;
}

/** Numbers the coordinator follows as the run goes, between closed seconds. */
export interface LiveStatus {
  /** The VUs of `scenario` running an iteration or ready to, over every worker (as of their last report). */
  activeVUs(scenario: string): number;
}

/** What every output learns when the load starts. */
export interface OutputStart {
  readonly io: Io;
  /** The resolved options; `options.thresholds` are the run's thresholds. */
  readonly options: ResolvedOptions;
  readonly scenarios: readonly PlannedScenarioView[];
  readonly scriptPath: string;
  /** Unix ms of the run's time 0: second `index` starts at `startedAtMs + index * 1000`. */
  readonly startedAtMs: number;
  /** The part of the whole test this process runs (the whole until runs are split across machines). */
  readonly segment: Segment;
  readonly workers: number;
  /** `--quiet`: only the summary on the terminal. */
  readonly quiet: boolean;
  /** `--no-color` or NO_COLOR. */
  readonly noColor: boolean;
  readonly live: LiveStatus;
}

/** The merged metrics, read-only. */
export type MetricsView = Pick<MetricStore, 'names' | 'seriesOf' | 'view' | 'defOf'>;

/** One closed second of the run. */
export interface SecondView {
  /** Seconds since the run's start. */
  readonly index: number;
  /** Unix ms of the second's start. */
  readonly startMs: number;
  /** Every series' values within this second (a counter's `rate` is over this second). */
  readonly metrics: MetricsView;
  /** Fields every time-series line of this second carries: volley capacity's `step`. */
  readonly labels?: Readonly<Record<string, number>>;
}

/** handleSummary's answer: its files by name (`stdout` and `stderr` are the streams). */
export interface CustomSummary {
  /** False when handleSummary returned nothing: the default summary prints. */
  readonly handled: boolean;
  readonly files: Readonly<Record<string, string | Uint8Array>>;
}

/** How the run ended, as outputs see it. */
export interface RunEnd {
  /** The summary data; undefined when the run did not get that far (setup failed, an error). */
  readonly summary: SummaryData | undefined;
  /** handleSummary's answer when the script has one and it ran without throwing. */
  readonly custom: CustomSummary | undefined;
}
