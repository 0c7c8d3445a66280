/**
 * The pure schedule of `ramping-vus` (k6's semantics): `startVUs`, then stages each moving the VU
 * count linearly to its `target` over its duration. The count is an integer, so it changes at
 * discrete instants; they follow k6's `getRawExecutionSteps` (lib/executor/ramping_vus.go):
 *
 *   in a stage from `from` to `to` over `d` starting at `s`, the count becomes v at
 *   s + ceil(d·|v − from| / |to − from|)   for each v strictly after `from`, up to `to`
 *
 * so ramping up a VU starts once its share of the slope is fully reached, and ramping down a VU
 * stops one slot later than a naive floor would ("we don't want to stop VUs immediately").
 * k6 computes in integer nanoseconds; so do we (bigint), so every instant is k6's to the ns.
 *
 * Unlike k6, two steps at the same instant (a 0-duration stage, or more VUs than nanoseconds in a
 * stage) are merged, the later winning: the count k6 ends up with at that instant is the same.
 * There is no final step to 0 at the end: stopping the run is the executor's job (graceful stop).
 */
import type { Segment } from './segment.js';
import { stripedShares } from './vu-striping.js';

/** One stage: reach `target` VUs linearly over `durationMs` (0 = jump at once). */
export interface RampStage {
  durationMs: number;
  target: number;
}

/** From `atMs` (since the scenario's start) on, `vus` VUs are active. */
export interface RampStep {
  atMs: number;
  vus: number;
}

const NS_PER_MS = 1_000_000n;

/** Milliseconds to integer nanoseconds, as k6's time.Duration holds them: round(ms·10⁶). */
function toNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

/** Integer nanoseconds back to ms; split so a long run keeps its sub-ms digits. */
function toMs(ns: bigint): number {
  return Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be an integer ≥ 0 (got ${n})`);
}

function checkStages(startVUs: number, stages: readonly RampStage[]): void {
  checkCount(startVUs, 'startVUs');
  stages.forEach((s, i) => {
    checkCount(s.target, `stages[${i}].target`);
    if (!(Number.isFinite(s.durationMs) && s.durationMs >= 0)) {
      throw new RangeError(`stages[${i}].durationMs must be a finite number ≥ 0 (got ${s.durationMs})`);
    }
  });
}

/** Steps kept in ns while building; `add` merges same-instant steps and drops repeated counts. */
class StepBuilder {
  readonly ns: bigint[] = [];
  readonly vus: number[] = [];

  add(atNs: bigint, vus: number): void {
    const last = this.ns.length - 1;
    if (last >= 0 && this.ns[last] === atNs) {
      // Same instant: the later count wins, and it may now repeat the step before it.
      this.vus[last] = vus;
      if (last >= 1 && this.vus[last - 1] === vus) this.pop();
      return;
    }
    if (last >= 0 && this.vus[last] === vus) return;
    this.ns.push(atNs);
    this.vus.push(vus);
  }

  private pop(): void {
    this.ns.pop();
    this.vus.pop();
  }

  steps(): RampStep[] {
    return this.ns.map((ns, i) => ({ atMs: toMs(ns), vus: this.vus[i]! }));
  }
}

/** ceil(a / b) for a ≥ 0, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Adds one stage's steps: count v at startNs + ceil(d·|v − from| / |to − from|). */
function addStage(out: StepBuilder, startNs: bigint, durNs: bigint, from: number, to: number): void {
  if (to === from) return;
  if (durNs === 0n) {
    out.add(startNs, to);
    return;
  }
  const diff = BigInt(Math.abs(to - from));
  const dir = to > from ? 1 : -1;
  for (let k = 1n; k <= diff; k++) {
    out.add(startNs + ceilDiv(durNs * k, diff), from + dir * Number(k));
  }
}

/**
 * Every instant the VU count changes, in order: first {0, startVUs}, then for each stage the count
 * v ∈ (from, to] at stageStart + ceil(d·|v − from| / |to − from|) (k6's rounding, to the ns).
 */
export function rampSteps(startVUs: number, stages: readonly RampStage[]): RampStep[] {
  checkStages(startVUs, stages);
  const out = new StepBuilder();
  out.add(0n, startVUs);
  let startNs = 0n;
  let from = startVUs;
  for (const stage of stages) {
    const durNs = toNs(stage.durationMs);
    addStage(out, startNs, durNs, from, stage.target);
    startNs += durNs;
    from = stage.target;
  }
  return out.steps();
}

/** The count at `tMs`: vus of the last step with atMs ≤ tMs (0 before the first); binary search. */
export function vusAt(steps: readonly RampStep[], tMs: number): number {
  let lo = 0;
  let hi = steps.length; // invariant: steps[< lo].atMs ≤ tMs < steps[≥ hi].atMs
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid]!.atMs <= tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : steps[lo - 1]!.vus;
}

/** The most VUs ever scheduled: max(startVUs, max targets), since the count is linear between them. */
export function maxVUs(startVUs: number, stages: readonly RampStage[]): number {
  return stages.reduce((m, s) => Math.max(m, s.target), startVUs);
}

/** The scheduled run time without graceful stop: Σ stage durations. */
export function totalDurationMs(stages: readonly RampStage[]): number {
  return stages.reduce((sum, s) => sum + s.durationMs, 0);
}

/**
 * One segment's share of the schedule: at each step, how many of the whole's first `vus` VUs the
 * segment owns in vu-striping.ts's fixed striping (`maxVUs` = the whole's most VUs, maxVUs()),
 * repeated counts dropped. At every instant the shares of segments covering [0, 1) sum to the
 * whole's count exactly, and each share moves only in the direction the whole moves.
 */
export function shareSteps(steps: readonly RampStep[], maxVUs: number, segment: Segment): RampStep[] {
  const shares = stripedShares(maxVUs, segment, steps.map((step) => step.vus));
  const out: RampStep[] = [];
  steps.forEach((step, i) => {
    const vus = shares[i]!;
    if (out.length === 0 || out[out.length - 1]!.vus !== vus) out.push({ atMs: step.atMs, vus });
  });
  return out;
}

/**
 * Whether the local VU `localIndex` runs at `tMs`: localIndex < vusAt(steps, tMs). VUs start and
 * stop from the end (the highest index goes first on a ramp-down), as in k6.
 */
export function isVuActive(steps: readonly RampStep[], localIndex: number, tMs: number): boolean {
  return localIndex < vusAt(steps, tMs);
}
