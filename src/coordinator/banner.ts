/** The lines printed (on stderr, unless --quiet) before the load starts: what will run, on how many workers. */
import { relative } from 'node:path';
import { formatDuration } from '../config/duration.js';
import type { PlannedScenario } from './plan.js';

export function banner(scriptPath: string, cwd: string, planned: PlannedScenario[], workers: number): string {
  const maxVUs = planned.reduce((n, p) => n + p.plan.maxVUs, 0);
  const longest = planned.reduce((ms, p) => Math.max(ms, p.scenario.startTimeMs + p.plan.maxDurationMs), 0);
  const lines = [
    `volley: ${relative(cwd, scriptPath) || scriptPath}, ${planned.length} scenario${planned.length === 1 ? '' : 's'}, ${maxVUs} max VUs, ${Number.isFinite(longest) ? `${formatDuration(longest)} max duration (graceful stop included)` : 'no max duration (until stopped)'}, ${workers} worker${workers === 1 ? '' : 's'}`,
    ...planned.map(({ scenario, plan }) => `  * ${scenario.name}: ${scenario.executor}, ${plan.maxVUs} VUs${scenario.startTimeMs ? `, starts at ${formatDuration(scenario.startTimeMs)}` : ''} (exec: ${scenario.exec})`),
  ];
  return lines.join('\n') + '\n';
}
