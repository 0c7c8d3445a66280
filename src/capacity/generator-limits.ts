/**
 * Whether the generator, not the target, limited a step: the rate was not really offered, so the
 * step says nothing of the service and the search must stop there (its last passing rate is then
 * only a lower bound). Four signs, each measured over the step:
 * - dropped iterations: every VU up to --max-vus was busy when an iteration was due;
 * - a growing start lag: the load workers start iterations later and later (a scheduler that keeps
 *   up starts them within a few ms; one that cannot falls further behind every second);
 * - a load worker's event loop busy nearly all the time (it has no room left to keep up);
 * - volley's process using nearly all of the machine's cores.
 */

/** What a step measured of the generator itself. */
export interface GeneratorSigns {
  droppedIterations: number;
  /** The scenario's VU limit (--max-vus, or what memory allows). */
  maxVus: number;
  /** Mean `iteration_start_lag` over the first and the second half of the judged part; undefined without iterations. */
  startLagMs: { early: number | undefined; late: number | undefined };
  /** The busiest load worker's event-loop utilisation over the judged part (0–1), with its index. */
  busiestWorker: { worker: number; busy: number } | undefined;
  /** volley's CPU time over the judged part, as a share of all the machine's cores (0–1). */
  cpuShare: number | undefined;
  cores: number;
}

/** A start lag this large, and at least doubled within the step, is a scheduler falling behind. */
export const LAG_LIMIT_MS = 50;
/** An event loop busy this share of the time cannot keep a schedule. */
export const BUSY_LIMIT = 0.9;
/** A process using this share of every core has none to spare. */
export const CPU_LIMIT = 0.9;

/** The reason the generator limited the step, or undefined when it offered the rate. */
export function generatorLimit(s: GeneratorSigns): string | undefined {
  if (s.droppedIterations > 0) {
    return `${s.droppedIterations} iterations were dropped: all ${s.maxVus.toLocaleString('en-US')} VUs were busy when they were due (raise --max-vus)`;
  }
  // Growth needs two points: a hold of one second has no first half to compare with.
  const { early, late } = s.startLagMs;
  if (early !== undefined && late !== undefined && late > LAG_LIMIT_MS && late > 2 * early) {
    return `iterations started later and later: the mean start lag grew from ${round(early)} ms to ${round(late)} ms within the step`;
  }
  if (s.busiestWorker && s.busiestWorker.busy >= BUSY_LIMIT) {
    return `load worker ${s.busiestWorker.worker + 1}'s event loop was busy ${percent(s.busiestWorker.busy)} of the step (add --workers, or machines)`;
  }
  if (s.cpuShare !== undefined && s.cpuShare >= CPU_LIMIT) {
    return `volley used ${percent(s.cpuShare)} of the machine's ${s.cores} cores`;
  }
  return undefined;
}

const round = (ms: number) => Number(ms.toFixed(1));
const percent = (share: number) => `${Math.round(share * 100)}%`;
