/**
 * The end-of-test summary on stdout, in every run: handleSummary's `stdout` and `stderr` when the
 * script has one that answered, else the text summary (colours only on a terminal, and not with
 * `--no-color`). First in the registry, so it is out before any file is written.
 */
import type { Output, OutputKind, OutputStart, RunEnd } from './output.js';
import { textSummary } from './text-summary.js';

export const summaryOutput: OutputKind = {
  name: 'summary',
  selectedBy: { always: true },
  parse: () => (start) => new SummaryOutput(start),
};

class SummaryOutput implements Output {
  private readonly start: OutputStart;

  constructor(start: OutputStart) {
    this.start = start;
  }

  async finish({ summary, custom }: RunEnd): Promise<void> {
    const { io, noColor } = this.start;
    if (!summary) return;
    if (custom?.handled) {
      for (const [target, content] of Object.entries(custom.files)) if (target === 'stdout' || target === 'stderr') io[target].write(content);
    } else io.stdout.write(`\n${textSummary(summary, { enableColors: !noColor && io.stdoutIsTTY })}\n`);
  }
}
