/**
 * The per-scenario and per-group results of `--summary-mode full`, read from the merged metrics by
 * tag filter, as k6's full summary groups them: a scenario holds every sample tagged with it (its
 * groups nested under it); a group holds only the samples tagged with its own path, since each
 * sub-group gets a block of its own. Top-level groups are also given across all scenarios.
 */
import { createHash } from 'node:crypto';
import type { MetricStore } from '../metrics/metric-store.js';
import { summaryValues } from '../metrics/metric-store.js';
import type { Tags } from '../metrics/tags.js';
import type { SummaryCheck, SummaryMetric, SummaryScope } from '../outputs/summary-data.js';

/** What scopes are read from: the store, the run's duration (counter rates) and the trend columns. */
export interface ScopeSource {
  store: MetricStore;
  durationMs: number;
  trendStats: string[];
}

/** The `groups` and `scenarios` fields of full-mode SummaryData. */
export function buildScopes(src: ScopeSource): { groups: Record<string, SummaryScope>; scenarios: Record<string, SummaryScope> } {
  const seen = seenScopes(src.store);
  const groups = childGroups(src, {}, '', seen.groupPaths);
  const scenarios: Record<string, SummaryScope> = {};
  for (const [name, paths] of [...seen.scenarios].sort(([a], [b]) => a.localeCompare(b))) {
    const filter = { scenario: name };
    scenarios[name] = { ...scopeTotals(src, filter), groups: childGroups(src, filter, '', paths) };
  }
  return { groups, scenarios };
}

/** Every scenario name and group path some series is tagged with; per scenario, the group paths inside it. */
function seenScopes(store: MetricStore): { groupPaths: Set<string>; scenarios: Map<string, Set<string>> } {
  const groupPaths = new Set<string>();
  const scenarios = new Map<string, Set<string>>();
  for (const name of store.names()) {
    for (const { tags } of store.seriesOf(name)) {
      const group = tags.get('group') ?? '';
      const scenario = tags.get('scenario');
      addWithAncestors(groupPaths, group);
      if (scenario === undefined) continue;
      let paths = scenarios.get(scenario);
      if (!paths) scenarios.set(scenario, (paths = new Set()));
      addWithAncestors(paths, group);
    }
  }
  return { groupPaths, scenarios };
}

/** `::a::b` adds `::a::b` and `::a`, so an interrupted parent (no samples of its own) still nests its child. */
function addWithAncestors(paths: Set<string>, path: string): void {
  for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('::')))) paths.add(p);
}

/** The groups directly under `parentPath` among `paths`, by name, each with its own sub-groups. */
function childGroups(src: ScopeSource, filter: Tags, parentPath: string, paths: ReadonlySet<string>): Record<string, SummaryScope> {
  const children = [...paths].filter((p) => p.lastIndexOf('::') === parentPath.length && p.startsWith(parentPath)).sort();
  const out: Record<string, SummaryScope> = {};
  for (const path of children) {
    const own = { ...filter, group: path };
    out[path.slice(parentPath.length + 2)] = { ...scopeTotals(src, own), groups: childGroups(src, filter, path, paths) };
  }
  return out;
}

/** The metrics and the checks, by name, over the series matching `filter`. */
function scopeTotals(src: ScopeSource, filter: Tags): Omit<SummaryScope, 'groups'> {
  const { store, durationMs, trendStats } = src;
  const metrics: Record<string, SummaryMetric> = {};
  for (const name of store.names().sort()) {
    const view = store.view(name, filter, durationMs);
    if (view) metrics[name] = { type: view.kind, contains: view.contains, values: summaryValues(view, trendStats) };
  }
  const checks: SummaryCheck[] = [];
  for (const { tags, view } of store.seriesOf('checks')) {
    if (!tags.matches(filter)) continue;
    const name = tags.get('check') ?? '';
    const passes = view.value('passes') ?? 0;
    const fails = view.value('fails') ?? 0;
    const known = checks.find((c) => c.name === name);
    if (known) {
      known.passes += passes;
      known.fails += fails;
    } else {
      const path = `${filter.group ?? ''}::${name}`;
      checks.push({ name, path, id: createHash('md5').update(path).digest('hex'), passes, fails });
    }
  }
  return { metrics, checks };
}
