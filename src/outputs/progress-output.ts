/**
 * The live progress display on stderr, in every run but `--quiet` ones. On a terminal, k6's block
 * (a header line, then one line per scenario) redrawn in place a few times a second; without one
 * (CI logs), one plain status line every 10 s, with no ANSI codes. Iterations and dropped
 * iterations come from the closed seconds (their `scenario` tag), VUs from the workers' latest
 * counts; the last drawing ends with k6's `N complete and M interrupted iterations`.
 */
import type { Output, OutputKind, OutputStart, RunEnd, SecondView } from './output.js';
import { progressLines, statusLine, type RunProgress, type ScenarioProgress } from './progress-lines.js';
import { TerminalBlock } from './terminal-block.js';

/** How often the terminal block is redrawn: the elapsed time moves smoothly; the counts change once a second. */
const REDRAW_MS = 200;
/** How often a plain status line is printed without a terminal. */
const STATUS_EVERY_MS = 10_000;

export const progressOutput: OutputKind = {
  name: 'progress',
  selectedBy: { always: true },
  parse: () => (start) => (start.quiet ? undefined : new ProgressOutput(start)),
};

/** What the display counts per scenario from the closed seconds. */
interface Counts {
  iterations: number;
  dropped: number;
  lastSecond: number;
}

class ProgressOutput implements Output {
  private readonly start: OutputStart;
  private readonly counts = new Map<string, Counts>();
  private readonly block: TerminalBlock | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(start: OutputStart) {
    this.start = start;
    for (const { scenario } of start.scenarios) this.counts.set(scenario.name, { iterations: 0, dropped: 0, lastSecond: 0 });
    const { stderr, stderrIsTTY } = start.io;
    if (stderrIsTTY) {
      const block = (this.block = new TerminalBlock(stderr));
      this.timer = setInterval(() => block.update(progressLines(this.progress(), this.columns())), REDRAW_MS);
    } else this.timer = setInterval(() => stderr.write(`${statusLine(this.progress())}\n`), STATUS_EVERY_MS);
    this.timer.unref(); // the display never keeps the process alive
  }

  addSecond({ metrics }: SecondView): void {
    for (const c of this.counts.values()) c.lastSecond = 0;
    for (const { tags, view } of metrics.seriesOf('iterations')) {
      const c = this.counts.get(tags.get('scenario') ?? '');
      if (!c) continue;
      const n = view.value('count') ?? 0;
      c.iterations += n;
      c.lastSecond += n;
    }
    for (const { tags, view } of metrics.seriesOf('dropped_iterations')) {
      const c = this.counts.get(tags.get('scenario') ?? '');
      if (c) c.dropped += view.value('count') ?? 0;
    }
  }

  async finish({ summary }: RunEnd): Promise<void> {
    clearInterval(this.timer);
    const last = this.progress(summary?.state.iterations, summary?.state.testRunDurationMs);
    if (this.block) this.block.close(progressLines(last, this.columns()));
    else this.start.io.stderr.write(`${statusLine(last)}\n`);
  }

  private progress(ended?: RunProgress['ended'], durationMs?: number): RunProgress {
    const { scenarios, live, startedAtMs } = this.start;
    const rows = scenarios.map(({ scenario, plan }): ScenarioProgress => {
      const c = this.counts.get(scenario.name)!;
      return {
        name: scenario.name,
        arrivalRate: scenario.executor.endsWith('arrival-rate'),
        startTimeMs: scenario.startTimeMs,
        durationMs: plan.maxDurationMs - scenario.gracefulStopMs,
        totalIterations: plan.iterations,
        maxVUs: plan.maxVUs,
        activeVUs: ended ? 0 : live.activeVUs(scenario.name),
        ...c,
      };
    });
    return { elapsedMs: durationMs ?? Math.max(0, Date.now() - startedAtMs), scenarios: rows, ended };
  }

  private columns(): number {
    // A pseudo-terminal with no size set (script(1) without a terminal of its own) says 0.
    return (this.start.io.stderr as { columns?: number }).columns || 80;
  }
}
