/**
 * When the iterations of an arrival-rate executor start, as offsets in ms from the scenario start.
 * The schedule is a pure function of the rate profile: it is read off one monotonic timeline and
 * never depends on how long iterations take (k6's open model), so a worker that falls behind still
 * aims at the same instants. Offsets are produced lazily because runs can start millions of
 * iterations.
 */

/** `rate` iterations per `timeUnitMs`, for `durationMs` (k6's constant-arrival-rate). */
export interface ConstantArrivalSpec {
  rate: number;
  timeUnitMs: number;
  durationMs: number;
}

/** One ramping stage: move linearly from the previous rate to `target` over `durationMs`. */
export interface ArrivalStage {
  durationMs: number;
  target: number;
}

/** `startRate`, then linear ramps through `stages`; rates per `timeUnitMs` (k6's ramping-arrival-rate). */
export interface RampingArrivalSpec {
  startRate: number;
  timeUnitMs: number;
  stages: readonly ArrivalStage[];
}

/** Either arrival-rate profile. */
export type ArrivalSpec = ConstantArrivalSpec | RampingArrivalSpec;

/** Worker `index` of `count` runs the global iterations i with i mod count = index. */
export interface ArrivalShare {
  readonly index: number;
  readonly count: number;
}

/**
 * The share of worker `index` of `count` — the worker given the equal segment nthSegment(index, count).
 * Striping by residue rather than by time window keeps every worker's arrivals spread over the whole
 * run, and the residues 0..count−1 partition the integers, so the shares cover the schedule exactly.
 */
export function arrivalShare(index: number, count: number): ArrivalShare {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`share count must be an integer ≥ 1 (got ${count})`);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`share index must be an integer in [0, ${count}) (got ${index})`);
  }
  return { index, count };
}

/** The whole schedule as a share. */
const ALL: ArrivalShare = { index: 0, count: 1 };

/**
 * One linear piece of the rate profile, in iterations per ms. `areaStart` is the number of
 * iterations scheduled before it (the integral of the rate up to `startMs`); `area` is its own.
 */
interface Piece {
  startMs: number;
  timeUnitMs: number;
  /** The starting rate in iterations per timeUnitMs, as configured (for the exact flat case). */
  fromPerUnit: number;
  durationMs: number;
  fromRate: number;
  slope: number;
  areaStart: number;
  area: number;
}

function checkNonNegative(value: number, what: string): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${what} must be a finite number ≥ 0 (got ${value})`);
}

/** The profile as linear pieces; a constant rate is one flat piece. */
function piecesOf(spec: ArrivalSpec): Piece[] {
  if (!(Number.isFinite(spec.timeUnitMs) && spec.timeUnitMs > 0)) {
    throw new RangeError(`timeUnitMs must be a finite number > 0 (got ${spec.timeUnitMs})`);
  }
  const stages = 'stages' in spec ? spec.stages : [{ durationMs: spec.durationMs, target: spec.rate }];
  let from = 'stages' in spec ? spec.startRate : spec.rate;
  checkNonNegative(from, 'rate');
  const pieces: Piece[] = [];
  let startMs = 0;
  let areaStart = 0;
  for (const stage of stages) {
    checkNonNegative(stage.durationMs, 'stage duration');
    checkNonNegative(stage.target, 'stage target');
    const r0 = from / spec.timeUnitMs;
    const r1 = stage.target / spec.timeUnitMs;
    const d = stage.durationMs;
    // A zero-length stage jumps the rate; it has no area and no slope (d would divide by zero).
    const slope = d > 0 ? (r1 - r0) / d : 0;
    const area = ((r0 + r1) / 2) * d;
    pieces.push({ startMs, timeUnitMs: spec.timeUnitMs, fromPerUnit: from, durationMs: d, fromRate: r0, slope, areaStart, area });
    startMs += d;
    areaStart += area;
    from = stage.target;
  }
  return pieces;
}

/** The integral of the rate over the whole profile: the (real) number of iterations it asks for. */
function totalArea(pieces: readonly Piece[]): number {
  const last = pieces[pieces.length - 1];
  return last ? last.areaStart + last.area : 0;
}

/**
 * The time τ into a piece at which `a` iterations of its area have been scheduled.
 *
 * With rate r(τ) = r0 + k·τ (k the slope), the area up to τ is A(τ) = r0·τ + k·τ²/2. Solving
 * A(τ) = a, i.e. (k/2)·τ² + r0·τ − a = 0, for the non-negative root gives
 *
 *   τ = (−r0 + √(r0² + 2·k·a)) / k                       (k6's cal() uses this form)
 *     = 2·a / (r0 + √(r0² + 2·k·a))                      (multiply by the conjugate)
 *
 * The second form is used because it has no cancellation when k is tiny and needs no special case:
 * for a flat piece (k = 0) it is a / r0, and for a ramp from zero (r0 = 0) it is √(2·a / k). The
 * flat case is still computed as a·timeUnit/rate, in the configured units, so that a constant rate
 * gives exactly i·timeUnit/rate with no extra rounding from converting to iterations per ms.
 * The discriminant r0² + 2·k·a ≥ 0 whenever a ≤ the piece's area (a ramp down to ≥ 0 never turns
 * around inside the piece); it is clamped at 0 so rounding cannot produce NaN.
 */
function timeIntoPiece(piece: Piece, a: number): number {
  if (a <= 0) return 0;
  if (piece.slope === 0) return Math.min((a * piece.timeUnitMs) / piece.fromPerUnit, piece.durationMs);
  const root = Math.sqrt(Math.max(0, piece.fromRate * piece.fromRate + 2 * piece.slope * a));
  const tau = (2 * a) / (piece.fromRate + root);
  // Rounding must not push an offset past its piece and out of order with the next piece's.
  return Math.min(tau, piece.durationMs);
}

/**
 * How many iterations start in the schedule (in `share`, if given).
 *
 * Iteration i (i = 0, 1, …) starts when the integral of the rate first exceeds i — the start of its
 * unit of area [i, i + 1). So every i < F, with F the integral over the whole profile, starts before
 * the end, and none other does: the count is ceil(F). For a constant rate F = rate·durationMs/timeUnitMs,
 * which is the same set as i·timeUnitMs/rate < durationMs. A share gets the i < ceil(F) with
 * i ≡ index (mod count): ceil((ceil(F) − index) / count) of them.
 */
export function totalIterations(spec: ArrivalSpec, share: ArrivalShare = ALL): number {
  const total = Math.ceil(totalArea(piecesOf(spec)));
  return Math.max(0, Math.ceil((total - share.index) / share.count));
}

/**
 * The start offsets (ms from the scenario start, non-decreasing) of the iterations in `share` (all
 * of them by default), computed one at a time so no array of the schedule is ever built.
 *
 * Iteration i starts at the t where ∫₀ᵗ rate = i (see totalIterations for the counting rule). For a
 * constant rate that is i·timeUnitMs/rate; for a ramp, t is found in the linear piece whose area
 * covers i by solving the quadratic in timeIntoPiece. Pieces of zero area (zero rate, or zero
 * length) never cover an i, so a pause at rate 0 simply has no arrivals. The piece cursor only moves
 * forward, so each offset costs O(1) amortised.
 */
export function* arrivalOffsets(spec: ArrivalSpec, share: ArrivalShare = ALL): Generator<number, void, undefined> {
  const pieces = piecesOf(spec);
  const end = totalArea(pieces);
  let p = 0;
  for (let i = share.index; i < end; i += share.count) {
    // The piece that holds i is the one with areaStart ≤ i < areaStart + area (area > 0).
    while (p < pieces.length && !(i < pieces[p]!.areaStart + pieces[p]!.area)) p++;
    const piece = pieces[p];
    // Unreachable: i < end, and end is the last piece's areaStart + area, the very sum tested above.
    if (!piece) return;
    yield piece.startMs + timeIntoPiece(piece, i - piece.areaStart);
  }
}
