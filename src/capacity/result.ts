/**
 * The capacity search's result in the summary data (DESIGN.md, "Capacity results"): what
 * `--summary-export` writes and handleSummary receives under `capacity`.
 */

/** One step of the search. */
export interface CapacityStep {
  /** The arrival rate offered, in iterations per second. */
  rate: number;
  /** Iterations completed per second over the step's judged part. */
  achievedRate: number;
  warmupMs: number;
  /** The judged part of the step, after its warm-up. */
  holdMs: number;
  /** Per SLO as written: the value it compared over the judged part (null without samples) and whether it held. */
  slos: Record<string, { value: number | null; ok: boolean }>;
  /** Over the whole step, warm-up included. */
  droppedIterations: number;
  /** True when the generator, not the target, limited this step (the search stopped there). */
  lowerBound: boolean;
}

/** The search's answer, and every step that led to it. */
export interface CapacityResult {
  /** The highest rate that met every SLO; null when none did. */
  sustainableRate: number | null;
  /** True when the generator limited a step: the rate is a lower bound of the capacity. */
  lowerBound: boolean;
  /** Why the search stopped, in words. */
  reason: string;
  /** The SLO that bounded the result: the first one broken at the lowest failing rate. */
  firstFailedSlo: { slo: string; value: number | null; atRate: number } | null;
  steps: CapacityStep[];
}
