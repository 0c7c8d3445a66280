/**
 * `--junit FILE.xml`: the run as a JUnit report, for the CI systems that read one. A `testsuite`
 * named `thresholds` holds each threshold as a `testcase` (failed with the value it observed), and
 * a `testsuite` per scenario holds each of its checks, named by group path and name (failed when
 * it failed at least once, with its passes and fails). Checks outside any scenario (setup,
 * teardown) get a suite of their own. Per-scenario check counts are added up from the closed
 * seconds, so they equal the summary's; the file is written when the run reached its summary.
 */
import { fileOutput, writeResultFile } from './file-target.js';
import type { Output, OutputKind, OutputStart, RunEnd, SecondView } from './output.js';
import type { SummaryData } from './summary-data.js';
import { sortKeys } from './summary-sections.js';
import { observedText } from './threshold-observed.js';
import { xmlText } from './xml-text.js';

export const junitOutput: OutputKind = {
  name: 'junit',
  selectedBy: { flag: 'junit', describe: 'write thresholds and checks as a JUnit XML report to this file' },
  parse: (target, issues) => fileOutput(target, issues, '--junit FILE.xml', [], (path) => (start) => new JunitOutput(path, start)),
};

/** The suite of checks recorded outside every scenario. */
const NO_SCENARIO = 'setup and teardown';

interface CheckCount {
  passes: number;
  fails: number;
}

interface TestCase {
  name: string;
  /** The failure's message and text; undefined when the case passed. */
  failure?: { message: string; text: string };
}

class JunitOutput implements Output {
  private readonly path: string;
  private readonly start: OutputStart;
  /** scenario → check name with its group path → counts. */
  private readonly checks = new Map<string, Map<string, CheckCount>>();

  constructor(path: string, start: OutputStart) {
    this.path = path;
    this.start = start;
    for (const { scenario } of start.scenarios) this.checks.set(scenario.name, new Map());
  }

  addSecond({ metrics }: SecondView): void {
    for (const { tags, view } of metrics.seriesOf('checks')) {
      const scenario = tags.get('scenario') || NO_SCENARIO;
      const group = (tags.get('group') ?? '').replace(/^::/, '');
      const name = group ? `${group}::${tags.get('check') ?? ''}` : (tags.get('check') ?? '');
      let byName = this.checks.get(scenario);
      if (!byName) this.checks.set(scenario, (byName = new Map()));
      const count = byName.get(name) ?? { passes: 0, fails: 0 };
      count.passes += view.value('passes') ?? 0;
      count.fails += view.value('fails') ?? 0;
      byName.set(name, count);
    }
  }

  async finish({ summary }: RunEnd): Promise<void> {
    if (!summary) return;
    const suites: [string, TestCase[]][] = [['thresholds', thresholdCases(summary)]];
    for (const [scenario, byName] of this.checks) suites.push([scenario, [...byName].map(([name, count]) => checkCase(name, count))]);
    await writeResultFile(this.path, junitXml(suites, summary.state.testRunDurationMs / 1000, new Date(this.start.startedAtMs)), '--junit');
  }
}

/** Each threshold, metrics in the summary's order: `http_req_duration p(95)<300`. */
function thresholdCases(data: SummaryData): TestCase[] {
  const cases: TestCase[] = [];
  for (const key of sortKeys(Object.keys(data.metrics))) {
    const metric = data.metrics[key]!;
    for (const [expression, entry] of Object.entries(metric.thresholds ?? {})) {
      const name = `${key} ${expression}`;
      if (entry.ok) cases.push({ name });
      else {
        const observed = observedText(expression, entry, metric, data.options.summaryTimeUnit) || 'no samples';
        cases.push({ name, failure: { message: observed, text: `threshold ${expression} on ${key} failed: ${observed}` } });
      }
    }
  }
  return cases;
}

function checkCase(name: string, { passes, fails }: CheckCount): TestCase {
  if (fails === 0) return { name };
  const counts = `${fails} of ${passes + fails} failed (passes: ${passes}, fails: ${fails})`;
  return { name, failure: { message: counts, text: `check ${JSON.stringify(name)}: ${counts}` } };
}

/** The document: `testsuites` › `testsuite` › `testcase` › `failure`, the shape every common importer reads. */
function junitXml(suites: [string, TestCase[]][], seconds: number, timestamp: Date): string {
  const total = suites.reduce((n, [, cases]) => n + cases.length, 0);
  const failed = (cases: TestCase[]) => cases.filter((c) => c.failure).length;
  const allFailed = suites.reduce((n, [, cases]) => n + failed(cases), 0);
  const time = seconds.toFixed(3);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="volley" tests="${total}" failures="${allFailed}" errors="0" time="${time}">`];
  for (const [suite, cases] of suites) {
    const attrs = `name="${xmlText(suite)}" tests="${cases.length}" failures="${failed(cases)}" errors="0" skipped="0" time="${time}" timestamp="${timestamp.toISOString().slice(0, 19)}"`;
    lines.push(`  <testsuite ${attrs}>`);
    for (const c of cases) {
      const open = `    <testcase classname="${xmlText(suite)}" name="${xmlText(c.name)}" time="0"`;
      if (!c.failure) lines.push(`${open}/>`);
      else lines.push(`${open}>`, `      <failure message="${xmlText(c.failure.message)}" type="failure">${xmlText(c.failure.text)}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
