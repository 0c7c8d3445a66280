/**
 * Builds the end-of-test SummaryData (k6's handleSummary shape) from the merged metrics, the
 * threshold results, the iteration errors and the lost workers; in full mode also each scenario's
 * and group's results.
 */
import { createHash } from 'node:crypto';
import type { MetricStore } from '../metrics/metric-store.js';
import { summaryValues } from '../metrics/metric-store.js';
import type { ThresholdResult } from '../thresholds/thresholds.js';
import { summaryThresholds } from '../thresholds/thresholds.js';
import type { SummaryData, SummaryGroup, SummaryMetric, WorkerFailure } from '../outputs/summary-data.js';
import type { IterationCounts, IterationErrorCount } from '../ipc/messages.js';
import { readMetricKey } from '../thresholds/parse.js';
import { buildScopes } from './summary-scopes.js';

export interface SummaryInput {
  store: MetricStore;
  durationMs: number;
  trendStats: string[];
  /** Every time printed in this unit (`summaryTimeUnit`), or null: each in its own. */
  timeUnit: string | null;
  thresholds: ThresholdResult[];
  /** Sub-metrics to show whatever the thresholds say (k6 always shows expected_response:true). */
  extraKeys: string[];
  errors: IterationErrorCount[];
  iterations: IterationCounts;
  /** Load workers the run lost (died, or ended for an iteration that never yielded). */
  workerFailures?: WorkerFailure[];
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  noColor: boolean;
  /** `--summary-mode full`: adds the `groups` and `scenarios` fields. */
  perScope?: boolean;
}

export function buildSummary(input: SummaryInput): SummaryData {
  const { store, durationMs, trendStats } = input;
  const metrics: Record<string, SummaryMetric> = {};
  const byKey = summaryThresholds(input.thresholds);
  for (const name of store.names()) {
    const view = store.view(name, {}, durationMs);
    if (view) metrics[name] = { type: view.kind, contains: view.contains, values: summaryValues(view, trendStats) };
  }
  for (const key of [...input.extraKeys, ...Object.keys(byKey)]) {
    const parsed = readMetricKey(key);
    if (!parsed.ok || metrics[key]) continue;
    const { metric, filter } = parsed.value;
    const view = store.view(metric, filter, durationMs);
    const kind = view?.kind ?? store.kindOf(metric);
    // A threshold's key is shown even without samples (its ✗ needs a line); an extra key only with data.
    if (!kind || (!view && !byKey[key])) continue;
    metrics[key] = { type: kind, contains: view?.contains ?? 'default', values: view ? summaryValues(view, trendStats) : {} };
  }
  for (const [key, results] of Object.entries(byKey)) {
    const m = metrics[key];
    if (m) m.thresholds = results;
  }
  const data: SummaryData = {
    state: { testRunDurationMs: durationMs, isStdOutTTY: input.stdoutIsTTY, isStdErrTTY: input.stderrIsTTY, iterations: { ...input.iterations } },
    options: { summaryTrendStats: trendStats, summaryTimeUnit: input.timeUnit, noColor: input.noColor },
    metrics,
    root_group: groupTree(store),
  };
  if (input.perScope) Object.assign(data, buildScopes({ store, durationMs, trendStats }));
  if (input.errors.length) data.iteration_errors = input.errors.map((e) => ({ message: e.message, ...(e.location && { location: e.location }), count: e.count }));
  if (input.workerFailures?.length) data.worker_failures = input.workerFailures;
  return data;
}

/** The group tree with each group's checks, from the `checks` and `group_duration` series' `group` tags. */
function groupTree(store: MetricStore): SummaryGroup {
  const root = newGroup('', '');
  const byPath = new Map<string, SummaryGroup>([['', root]]);
  const groupFor = (path: string): SummaryGroup => {
    let g = byPath.get(path);
    if (g) return g;
    const cut = path.lastIndexOf('::');
    const parent = groupFor(path.slice(0, Math.max(0, cut)));
    g = newGroup(path.slice(cut + 2), path);
    parent.groups.push(g);
    byPath.set(path, g);
    return g;
  };
  for (const { tags } of store.seriesOf('group_duration')) groupFor(tags.get('group') ?? '');
  for (const { tags, view } of store.seriesOf('checks')) {
    const group = groupFor(tags.get('group') ?? '');
    const name = tags.get('check') ?? '';
    const passes = view.value('passes') ?? 0;
    const fails = view.value('fails') ?? 0;
    const known = group.checks.find((c) => c.name === name);
    if (known) {
      known.passes += passes;
      known.fails += fails;
    } else group.checks.push({ name, path: `${group.path}::${name}`, id: hashId(`${group.path}::${name}`), passes, fails });
  }
  return root;
}

function newGroup(name: string, path: string): SummaryGroup {
  return { name, path, id: hashId(path), groups: [], checks: [] };
}

function hashId(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
