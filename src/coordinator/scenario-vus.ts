/**
 * Each scenario's active VUs over all workers, from the counts every worker sends with its
 * snapshots (once a second): what the progress display shows per scenario. A worker that is done
 * has none left.
 */
import type { FromWorker } from '../ipc/messages.js';
import type { LiveStatus } from '../outputs/output.js';

export class ScenarioVUs implements LiveStatus {
  /** Scenario names in the plan's order: the order of each worker's counts. */
  private readonly names: readonly string[];
  private readonly byWorker = new Map<number, readonly number[]>();

  constructor(names: readonly string[]) {
    this.names = names;
  }

  /** Reads the counts from a worker's message. */
  observe(msg: FromWorker): void {
    if (msg.type === 'snapshot') this.byWorker.set(msg.workerId, msg.scenarioVUs);
    else if (msg.type === 'done') this.byWorker.delete(msg.workerId);
  }

  activeVUs(scenario: string): number {
    const index = this.names.indexOf(scenario);
    let sum = 0;
    for (const counts of this.byWorker.values()) sum += counts[index] ?? 0;
    return sum;
  }
}
