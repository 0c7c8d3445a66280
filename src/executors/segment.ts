/**
 * Execution segments (k6's idea): a run is divided into fractions [from, to) of the whole, one per
 * worker (and later one per machine). Integer totals — VUs, iterations — are shared out so that the
 * shares of any set of segments covering [0, 1) sum exactly to the whole:
 *
 *   share(T, [a, b)) = floor(T·b) − floor(T·a)
 *
 * Summing over consecutive segments telescopes to floor(T·1) − floor(T·0) = T. Fractions are kept as
 * integer numerator/denominator pairs so no floating-point rounding can break the telescoping.
 */

/** A fraction num/den with 0 ≤ num ≤ den. */
export interface Fraction {
  num: number;
  den: number;
}

/** The part [from, to) of the whole run. */
export interface Segment {
  from: Fraction;
  to: Fraction;
}

/** The whole run as one segment. */
export const WHOLE: Segment = { from: { num: 0, den: 1 }, to: { num: 1, den: 1 } };

/** The i-th of n equal segments. */
export function nthSegment(i: number, n: number): Segment {
  return { from: { num: i, den: n }, to: { num: i + 1, den: n } };
}

function floorTimes(total: number, f: Fraction): number {
  return Math.floor((total * f.num) / f.den);
}

/** This segment's share of an integer total; shares of covering segments sum to `total` exactly. */
export function scaleInt(total: number, seg: Segment): number {
  return floorTimes(total, seg.to) - floorTimes(total, seg.from);
}

/** How many units of `total` come before this segment: the offset of its first unit (e.g. VU ids). */
export function offsetInt(total: number, seg: Segment): number {
  return floorTimes(total, seg.from);
}

/**
 * Shares `total` out in proportion to how `base` is shared, so a segment that gets no VUs gets no
 * iterations either: share = floor(total·B(b)/base) − floor(total·B(a)/base), with B(x) = floor(base·x).
 * It telescopes the same way, so the shares still sum to `total`.
 */
export function scaleIntAlong(total: number, base: number, seg: Segment): number {
  if (base <= 0) return scaleInt(total, seg);
  const upTo = (f: Fraction) => Math.floor((total * floorTimes(base, f)) / base);
  return upTo(seg.to) - upTo(seg.from);
}

/** This segment's share of a real-valued quantity (an arrival rate): total·(b − a). */
export function scaleReal(total: number, seg: Segment): number {
  return total * (seg.to.num / seg.to.den - seg.from.num / seg.from.den);
}

/** Parses `--execution-segment` text such as `0:1/2`, `1/2:1` or `0.5:1`. */
export function parseSegment(text: string): Segment | undefined {
  const [a, b, ...rest] = text.split(':');
  if (a === undefined || b === undefined || rest.length) return undefined;
  const from = parseFraction(a);
  const to = parseFraction(b);
  if (!from || !to || from.num * to.den >= to.num * from.den) return undefined;
  return { from, to };
}

function parseFraction(text: string): Fraction | undefined {
  const t = text.trim();
  const m = /^(\d+)\/(\d+)$/.exec(t);
  if (m) {
    const f = { num: Number(m[1]), den: Number(m[2]) };
    return f.den > 0 && f.num <= f.den ? f : undefined;
  }
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  const value = pct ? Number(pct[1]) / 100 : /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  if (!(value >= 0 && value <= 1)) return undefined;
  if (Number.isInteger(value)) return { num: value, den: 1 };
  const den = 1_000_000;
  return { num: Math.round(value * den), den };
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The part `inner` of the segment `outer` (a split of a split, e.g. a worker's share of one
 * machine's execution segment): [a + (b − a)·c, a + (b − a)·d) as exact, reduced fractions.
 * `outer` undefined is the whole run.
 */
export function segmentWithin(outer: Segment | undefined, inner: Segment): Segment {
  if (outer === undefined) return inner;
  const at = (f: Fraction): Fraction => {
    const { from: a, to: b } = outer;
    const den = a.den * b.den * f.den;
    const num = a.num * b.den * f.den + (b.num * a.den - a.num * b.den) * f.num;
    const g = gcd(num, den) || 1;
    return { num: num / g, den: den / g };
  };
  return { from: at(inner.from), to: at(inner.to) };
}
