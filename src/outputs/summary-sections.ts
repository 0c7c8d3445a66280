/**
 * Which section of the end-of-test summary a metric is printed in, and in what order, as k6 v1's
 * compact summary: custom metrics first, then HTTP, EXECUTION, NETWORK, GRPC and WEBSOCKET; names
 * sorted within a section, each sub-metric right after its parent.
 */
import { builtinMetric } from '../metrics/builtin.js';

/** The summary's metric sections, in print order. */
export const SECTIONS = ['CUSTOM', 'HTTP', 'EXECUTION', 'NETWORK', 'GRPC', 'WEBSOCKET'] as const;

/** One section's title. */
export type Section = (typeof SECTIONS)[number];

const EXECUTION = new Set([
  'vus',
  'vus_max',
  'iterations',
  'iteration_duration',
  'iteration_start_lag',
  'dropped_iterations',
  'group_duration',
  'checks',
]);
const NETWORK = new Set(['data_sent', 'data_received']);

/** The metric name of a summary key: `http_req_duration{status:200}` → `http_req_duration`. */
export function parentName(key: string): string {
  const brace = key.indexOf('{');
  return brace < 0 ? key : key.slice(0, brace);
}

/** The section a summary key belongs in; a metric a script declares is CUSTOM whatever its name. */
export function sectionOf(key: string): Section {
  const name = parentName(key);
  if (!builtinMetric(name)) return 'CUSTOM';
  if (EXECUTION.has(name)) return 'EXECUTION';
  if (NETWORK.has(name)) return 'NETWORK';
  if (name.startsWith('http_')) return 'HTTP';
  if (name.startsWith('grpc_')) return 'GRPC';
  if (name.startsWith('ws_')) return 'WEBSOCKET';
  return 'CUSTOM';
}

/** Sorts keys by metric name, then by tag suffix, so sub-metrics follow their parent. */
export function sortKeys(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => {
    const pa = parentName(a);
    const pb = parentName(b);
    if (pa !== pb) return pa < pb ? -1 : 1;
    const sa = a.slice(pa.length);
    const sb = b.slice(pb.length);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

/** The keys grouped by section, in print order, leaving out empty sections. */
export function groupBySection(keys: readonly string[]): { section: Section; keys: string[] }[] {
  const sorted = sortKeys(keys);
  return SECTIONS.map((section) => ({ section, keys: sorted.filter((k) => sectionOf(k) === section) })).filter(
    (g) => g.keys.length > 0,
  );
}
