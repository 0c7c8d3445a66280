/**
 * The coordinator's side of a capacity search: a LoadDriver that runs the search's steps on the
 * `capacity-steps` scenario (executors/capacity-steps.ts) of one run. The run never stops between
 * steps — the workers, their VUs and connections stay — and each step begins on a whole second of
 * the run, so its seconds are exactly the run's per-second buckets:
 *
 *   announce step i (rate, start S)    S ─ warm-up ─ hold ─ S + step ─ drain (1 s) ─ step i + 1 …
 *
 * As each second closes it joins its step's window (step-window.ts); when the step's last second
 * has closed (a few ms after it ended: workers report on every whole second) the step is judged
 * (judge-step.ts), the verdict goes to the search (search.ts), and the next step is announced to
 * begin one second later — time for the iterations of the step just judged to finish, which the
 * executor interrupts if they have not. When the search has its answer, the run stops.
 */
import type { Writable } from 'node:stream';
import { ConfigError } from '../errors.js';
import { formatDuration } from '../config/duration.js';
import type { FromWorker } from '../ipc/messages.js';
import type { MetricDef } from '../metrics/metric.js';
import type { ClosedBucket } from '../metrics/time-buckets.js';
import type { LoadDriver, SteeredLoad } from '../coordinator/load-driver.js';
import type { SummaryData } from '../outputs/summary-data.js';
import { sloFormatter, stepLine } from '../outputs/capacity-block.js';
import { formatsOf } from '../outputs/format-values.js';
import { recordStep, startSearch, type SearchState } from './search.js';
import type { Slo } from './slo.js';
import type { CapacitySettings } from './settings.js';
import { StepWindow } from './step-window.js';
import { judgeStep, type StepJudgement } from './judge-step.js';
import { capacityFound, capacityResult, rate } from './capacity-result.js';

/** Between two steps: the judged step's last iterations finish (or are interrupted) before the next begins. */
export const DRAIN_MS = 1000;
/** The least time between announcing a step and its start, so every worker has it in time. */
const LEAD_MS = 200;

/** What the driver needs of the command and the prepared script. */
export interface DriverParams {
  settings: CapacitySettings;
  slos: readonly Slo[];
  /** The scenario the steps drive. */
  scenario: string;
  /** The VU limit the search runs with (--max-vus, or what memory allows). */
  maxVus: number;
  cores: number;
  defOf: (metric: string) => MetricDef | undefined;
  /** Where each step's line goes as it is judged (none with --quiet). */
  progress: Writable | undefined;
  now?: () => number;
}

/** Runs the search's steps on one run and gives its verdict. */
export class StepDriver implements LoadDriver {
  private readonly p: DriverParams;
  private readonly now: () => number;
  private search: SearchState;
  private load: SteeredLoad | undefined;
  private startedAtMs = 0;
  private window: StepWindow | undefined;
  /** Each announced step's start (ms since the run's start): which step a second belongs to. */
  private readonly starts: number[] = [];
  private readonly judged: StepJudgement[] = [];
  private cpuAtHold: { usage: NodeJS.CpuUsage; atMs: number } | undefined;
  private seq = 0;
  /** What the run found wrong with the SLOs (an SLO on a metric the script never emits): exit 104. */
  problem: ConfigError | undefined;

  constructor(params: DriverParams) {
    this.p = params;
    this.now = params.now ?? Date.now;
    this.search = startSearch(params.settings);
  }

  started(load: SteeredLoad, startedAtMs: number): void {
    this.load = load;
    this.startedAtMs = startedAtMs;
    const { settings: s, slos } = this.p;
    const steps = `${formatDuration(s.stepMs)} steps (${formatDuration(s.warmupMs)} warm-up, then judged), a ${formatDuration(DRAIN_MS)} drain after each`;
    this.p.progress?.write(`capacity: from ${rate(s.startRate)} up to ${rate(s.maxRate)}, ${steps}, to within ${Number((s.precision * 100).toFixed(2))}%; SLOs: ${slos.map((slo) => slo.source).join(', ')}\n`);
    this.announce(0, 0);
  }

  observe(msg: FromWorker): void {
    if (msg.type !== 'snapshot' || msg.eventLoopBusy === undefined || !this.window) return;
    const index = Math.round((msg.fromMs - this.startedAtMs) / 1000);
    this.window.addBusy(msg.workerId, index, msg.eventLoopBusy, msg.toMs - msg.fromMs);
  }

  second(bucket: ClosedBucket): ClosedBucket {
    const labelled = { ...bucket, labels: { step: this.stepAt(bucket.index) } };
    const w = this.window;
    if (!w) return labelled;
    // A second with no report at all never closes as a bucket: the step ends with the next one that does.
    if (bucket.index >= w.end) this.judge();
    else if (w.holds(bucket.index)) {
      w.add(bucket);
      if (bucket.index === w.holdFrom - 1) this.cpuAtHold = { usage: process.cpuUsage(), atMs: this.now() };
      if (bucket.index === w.end - 1) this.judge();
    }
    return labelled;
  }

  verdict(): { failed: boolean; summary: Partial<SummaryData> } {
    const capacity = capacityResult(this.search, this.judged, this.p.settings.minRate);
    if (this.problem) capacity.reason = 'stopped after the first step: an SLO names a metric the script did not emit (see the error)';
    return { failed: !capacityFound(capacity, this.p.settings.minRate), summary: { capacity } };
  }

  private stepAt(index: number): number {
    let step = 0;
    for (let i = 0; i < this.starts.length; i++) if (this.starts[i]! <= index * 1000) step = i;
    return step;
  }

  /** Tells every worker the next step, to begin at `earliestMs` of the run or as soon after as they can all have it. */
  private announce(index: number, earliestMs: number): void {
    const load = this.load!;
    const { settings } = this.p;
    const sinceStart = this.now() - this.startedAtMs;
    const startMs = index === 0 ? 0 : Math.max(earliestMs, Math.ceil((sinceStart + LEAD_MS) / 1000) * 1000);
    const plan = { index, rate: this.search.next!, startMs, stepMs: settings.stepMs, warmupMs: settings.warmupMs };
    this.window = new StepWindow(plan, this.p.slos, this.p.defOf);
    this.starts.push(startMs);
    this.cpuAtHold = settings.warmupMs === 0 ? { usage: process.cpuUsage(), atMs: this.now() } : undefined;
    const step = { index, rate: plan.rate, startMs, durationMs: settings.stepMs };
    for (let w = 0; w < load.workers; w++) load.tell(w, { type: 'control', seq: this.seq++, step: { scenario: this.p.scenario, step } });
  }

  private judge(): void {
    const w = this.window!;
    this.window = undefined;
    const m = w.measures();
    if (this.judged.length === 0 && this.refuseUnseen(m.sloSeen, w)) return;
    const judgement = judgeStep(w.plan, m, this.p.slos, { maxVus: this.p.maxVus, cpuShare: this.cpuShare(), cores: this.p.cores });
    this.judged.push(judgement);
    this.p.progress?.write(`capacity: ${stepLine(w.plan.index, judgement.step, sloFormatter(formatsOf(this.p.defOf), null))}\n`);
    this.search = recordStep(this.search, judgement.verdict);
    if (this.search.next === undefined) this.load!.stop(false);
    else this.announce(w.plan.index + 1, w.plan.startMs + w.plan.stepMs + DRAIN_MS);
  }

  /** An SLO whose metric had no sample in the whole first step names a metric the script never emits. */
  private refuseUnseen(seen: readonly boolean[], w: StepWindow): boolean {
    const unseen = this.p.slos.filter((_, i) => !seen[i]);
    if (unseen.length === 0) return false;
    const during = `the first step (${rate(w.plan.rate)} for ${formatDuration(w.plan.stepMs)})`;
    this.problem = new ConfigError(
      unseen.map((slo) => ({ path: `--slo ${JSON.stringify(slo.source)}`, message: `the script emitted no ${slo.key} sample during ${during}: an SLO on a metric it never emits cannot be judged` })),
    );
    this.load!.stop(true);
    return true;
  }

  /** volley's share of all cores over the step's hold so far. */
  private cpuShare(): number | undefined {
    if (!this.cpuAtHold) return undefined;
    const used = process.cpuUsage(this.cpuAtHold.usage);
    const wallMs = this.now() - this.cpuAtHold.atMs;
    return wallMs > 0 ? (used.user + used.system) / 1000 / (wallMs * this.p.cores) : undefined;
  }
}
