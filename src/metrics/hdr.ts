/**
 * The one wrapper around hdr-histogram-js. Trend values are milliseconds (floats) stored as integer
 * microseconds: 3 significant digits, lowest discernible value 1 µs, auto-resizing.
 *
 * Why plain JS (32-bit counts) and not WebAssembly: `node benchmarks/hdr.mjs`, medians of 5 runs
 * on the 2-core box (bare loop ≈ 8 ns included in the record figures):
 * - record: the library's JS recordValue ≈ 100 ns (Math.pow/log2 in its index arithmetic), WASM
 *   ≈ 31 ns, this wrapper's recordMs ≈ 21 ns (same index with clz32 and shifts, see recordUs).
 * - memory per histogram, fresh / after 1,000 realistic latencies (up to 2 s): JS 9 / 42 KB,
 *   WASM 17 / 134 KB (its linear memory only grows). Thousands of series make this count.
 * - a busy second (70k values): encode 39 µs here vs 119 µs WASM (library JS: 224 µs, compressed
 *   base64 only); add it encoded into a total 37 µs (decode + add: WASM 85 + 49 µs).
 * - WASM also needs an init in every thread (≈ 48 ms) and destroy() per histogram, or it leaks.
 * - packed counts (JS or WASM) save memory but cost milliseconds per encode, decode and add, and
 *   250–600 ns per record: ruled out for something merged every second.
 *
 * Encoding: HdrHistogram's V2 format (ZigZag LEB128 counts, zero runs collapsed), which other HDR
 * tools read. Uncompressed by default: a busy second is ~7.2 KB, a quiet one ~100 B (postMessage
 * copies it; worker/entry.ts says why it is not transferred), so deflate's saving (7.2 → 4.4 KB) is
 * not worth its CPU (encode 39 → 149 µs). `{ compress: true }` gives V2's compressed form, for storage.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { Float64Histogram as Float64Type, Int32Histogram as Int32Type, JsHistogram } from 'hdr-histogram-js';
import { ExitCode, VolleyError } from '../errors.js';

// The two classes from their own files: the package's index also loads its WebAssembly build, pako
// and the log readers (≈ 55 ms per thread at start-up, against ≈ 6 ms for these two). require(), as
// their module.exports is { default: Class } and ESM interop differs between Node and vitest. A
// require() of a literal name is what esbuild bundles (bin/build-bundles.mjs), so a run uses the
// pinned version's files, whatever hdr-histogram-js the install holds; require exists in the
// bundles (their banner) and under vitest. tsc's per-module output (benchmarks/hdr.mjs imports it)
// runs without one, and loads the installed files.
const [Int32Histogram, Float64Histogram] = (
  typeof require === 'function'
    ? [require('hdr-histogram-js/dist/Int32Histogram.js'), require('hdr-histogram-js/dist/Float64Histogram.js')]
    : ['Int32Histogram', 'Float64Histogram'].map((name) => createRequire(import.meta.url)(`hdr-histogram-js/dist/${name}.js`))
).map((file: { default: unknown }) => file.default) as [typeof Int32Type, typeof Float64Type];

/** A histogram of microsecond values; only this module reaches inside it. */
export type Histogram = JsHistogram;

/**
 * Count width: 32-bit (unsigned) counts, enough for any window and most totals; 64-bit (float64,
 * exact to 2^53) for a total that could pass 2^32 in one bucket (TrendAggregate widens on demand).
 */
export type CountWidth = 32 | 64;

/** Values above this (about 12.7 days) are clamped, so a stray Infinity cannot grow a histogram without bound. */
export const MAX_TRACKABLE_MS = 2 ** 40 / 1000;

const SIGNIFICANT_DIGITS = 3;
const LOWEST_US = 1;
const V2_COOKIE = 0x1c849313;
const V2_COMPRESSED_COOKIE = 0x1c849314;
const HEADER_BYTES = 40;
const TWO_POW_32 = 2 ** 32;

/** An encoded histogram that cannot be read (wrong cookie, truncated or corrupt). */
export class HistogramFormatError extends VolleyError {
  constructor(message: string) {
    super(`invalid encoded histogram: ${message}`, 'VOLLEY_HDR_FORMAT', ExitCode.engineFailure);
  }
}

/** A new, empty histogram (µs, 3 significant digits, auto-resizing). */
export function createHistogram(width: CountWidth = 32): Histogram {
  const Ctor = width === 64 ? Float64Histogram : Int32Histogram;
  const h = new Ctor(LOWEST_US, 2, SIGNIFICANT_DIGITS);
  h.autoResize = true;
  return h;
}

/** Records a duration in ms: negative (and NaN) → 0, rounded to the microsecond, clamped to MAX_TRACKABLE_MS. */
export function recordMs(h: Histogram, ms: number): void {
  recordUs(h, ms > 0 ? Math.round((ms < MAX_TRACKABLE_MS ? ms : MAX_TRACKABLE_MS) * 1000) : 0);
}

/**
 * The library's recordValue computes the bucket with Math.pow and Math.log2 (~95 ns a record, most
 * of it in computeCountsArrayIndex); this is the same index arithmetic with clz32 and shifts (~20 ns),
 * valid below 2^31 µs (35 minutes). Anything else, and any value past the current counts array
 * (which needs a resize), takes the library's own path. A test checks both give identical counts.
 */
function recordUs(h: Histogram, us: number): void {
  if (us < 2147483648) {
    const unit = h.unitMagnitude;
    const halfMagnitude = h.subBucketHalfCountMagnitude;
    const b = 31 - Math.clz32(us) - halfMagnitude - unit;
    const bucket = b > 0 ? b : 0;
    const index = ((bucket + 1) << halfMagnitude) + (us >>> (bucket + unit)) - h.subBucketHalfCount;
    if (index < h.countsArrayLength) {
      h.incrementCountAtIndex(index);
      h.updateMinAndMax(us);
      h.incrementTotalCount();
      return;
    }
  }
  h.recordValue(us);
}

/** Records `count` occurrences of a duration in ms (same clamping as recordMs). */
export function recordMsWithCount(h: Histogram, ms: number, count: number): void {
  h.recordValueWithCount(ms > 0 ? Math.round((ms < MAX_TRACKABLE_MS ? ms : MAX_TRACKABLE_MS) * 1000) : 0, count);
}

/** The value at percentile p (0–100, fractional allowed) in ms; 0 when empty. */
export function percentileMs(h: Histogram, p: number): number {
  if (h.totalCount === 0) return 0;
  return h.getValueAtPercentile(p < 0 ? 0 : p) / 1000;
}

/** Number of values recorded. */
export function totalCount(h: Histogram): number {
  return h.totalCount;
}

/** Empties the histogram, keeping its counts array for reuse. */
export function reset(h: Histogram): void {
  h.reset();
}

/** Adds every count of `source` into `target` (exact: counts per bucket add up). */
export function addInto(target: Histogram, source: Histogram): void {
  target.add(source);
}

/** Encodes into V2 bytes that own their buffer exactly. */
export function encodeHistogram(h: Histogram, options?: { compress?: boolean }): Uint8Array {
  const raw = encodeV2(h);
  if (!options?.compress) return raw;
  const packed = deflateSync(raw);
  const out = new Uint8Array(8 + packed.byteLength);
  const view = new DataView(out.buffer);
  view.setInt32(0, V2_COMPRESSED_COOKIE);
  view.setInt32(4, packed.byteLength);
  out.set(packed, 8);
  return out;
}

/** Decodes bytes from encodeHistogram (either form, or any V2 encoder) into a new histogram. */
export function decodeHistogram(bytes: Uint8Array, width: CountWidth = 32): Histogram {
  const h = createHistogram(width);
  addEncodedInto(h, bytes);
  return h;
}

/**
 * Adds an encoded histogram straight into `target`, without building a temporary histogram: the
 * coordinator's merge path, once per series per worker per second.
 */
export function addEncodedInto(target: Histogram, bytes: Uint8Array): void {
  const raw = uncompressed(bytes);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  if (raw.byteLength < HEADER_BYTES || view.getInt32(0) !== V2_COOKIE) throw new HistogramFormatError('no V2 cookie');
  const payload = view.getInt32(4);
  const digits = view.getInt32(12);
  const lowest = view.getUint32(16) * TWO_POW_32 + view.getUint32(20);
  const highest = view.getUint32(24) * TWO_POW_32 + view.getUint32(28);
  if (payload < 0 || HEADER_BYTES + payload > raw.byteLength) throw new HistogramFormatError('truncated payload');
  if (digits === target.numberOfSignificantValueDigits && lowest === target.lowestDiscernibleValue) {
    addCounts(target, raw, HEADER_BYTES, HEADER_BYTES + payload, highest);
    return;
  }
  // Another tool's bucket layout: read it in its own layout, then let the library re-bucket it.
  if (digits < 0 || digits > 5 || lowest < 1) throw new HistogramFormatError(`unsupported layout (${digits} digits, lowest ${lowest})`);
  const foreign = new Float64Histogram(lowest, 2 * lowest, digits);
  foreign.autoResize = true;
  addCounts(foreign, raw, HEADER_BYTES, HEADER_BYTES + payload, highest);
  target.add(foreign);
}

function uncompressed(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength < 8) throw new HistogramFormatError('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0) !== V2_COMPRESSED_COOKIE) return bytes;
  const length = view.getInt32(4);
  if (length < 0 || 8 + length > bytes.byteLength) throw new HistogramFormatError('truncated compressed payload');
  try {
    return inflateSync(bytes.subarray(8, 8 + length));
  } catch (err: unknown) {
    throw new HistogramFormatError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Walks ZigZag LEB128 counts (negative = a run of zeros). The layout matches the target's, so a
 * count's index is the target's index: add it in place. An index past the target's counts array
 * grows it once to the source's whole range (growing bucket by bucket would copy the array each time).
 */
function addCounts(target: Histogram, raw: Uint8Array, start: number, end: number, sourceHighest: number): void {
  let p = start;
  let index = 0;
  let lowest = -1;
  let highest = -1;
  let added = 0;
  while (p < end) {
    let z = 0;
    let scale = 1;
    let b = 0x80;
    for (let n = 0; n < 9 && (b & 0x80) !== 0; n++) {
      if (p >= end) throw new HistogramFormatError('count runs past the payload');
      b = raw[p++]!;
      z += (b & 0x7f) * scale;
      scale *= 128;
    }
    const count = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    if (count < 0) {
      index -= count;
      continue;
    }
    if (count > 0) {
      if (index >= target.countsArrayLength) grow(target, Math.max(sourceHighest, target.valueFromIndex(index)));
      if (index >= target.countsArrayLength) throw new HistogramFormatError(`bucket ${index} is out of range`);
      target.addToCountAtIndex(index, count);
      added += count;
      if (lowest < 0 && index > 0) lowest = index;
      highest = index;
    }
    index++;
  }
  target.addToTotalCount(added);
  if (lowest > 0) target.updateMinAndMax(target.valueFromIndex(lowest));
  if (highest > 0) target.updateMinAndMax(target.valueFromIndex(highest));
}

/** V2 layout: cookie, payload length, normalizing offset, digits, lowest, highest (int64), ratio (double), counts. */
function encodeV2(h: Histogram): Uint8Array {
  const limit = h.totalCount === 0 ? 0 : h.countsArrayIndex(h.maxValue) + 1;
  let out = new Uint8Array(HEADER_BYTES + 256);
  let p = HEADER_BYTES;
  let i = 0;
  while (i < limit) {
    let count = h.getCountAtIndex(i++);
    if (count === 0) {
      let zeros = 1;
      while (i < limit && h.getCountAtIndex(i) === 0) {
        zeros++;
        i++;
      }
      if (zeros > 1) count = -zeros;
    }
    if (p + 10 > out.length) out = growBuffer(out);
    let z = count >= 0 ? count * 2 : -count * 2 - 1;
    while (z > 0x7f) {
      out[p++] = (z % 128) | 0x80;
      z = Math.floor(z / 128);
    }
    out[p++] = z;
  }
  const result = out.slice(0, p);
  const view = new DataView(result.buffer);
  view.setInt32(0, V2_COOKIE);
  view.setInt32(4, p - HEADER_BYTES);
  view.setInt32(8, 0);
  view.setInt32(12, h.numberOfSignificantValueDigits);
  view.setUint32(16, Math.floor(h.lowestDiscernibleValue / TWO_POW_32));
  view.setUint32(20, h.lowestDiscernibleValue >>> 0);
  view.setUint32(24, Math.floor(h.highestTrackableValue / TWO_POW_32));
  view.setUint32(28, h.highestTrackableValue >>> 0);
  view.setFloat64(32, 1);
  return result;
}

/** Resizes the counts array to cover `highest`, as the library's own auto-resize does. */
function grow(h: Histogram, highest: number): void {
  if (!(highest < 2 ** 53)) return;
  h.resize(highest);
  h.highestTrackableValue = h.highestEquivalentValue(h.valueFromIndex(h.countsArrayLength - 1));
}

function growBuffer(buf: Uint8Array): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(buf.length * 2);
  next.set(buf);
  return next;
}
