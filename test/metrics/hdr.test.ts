import { describe, expect, it } from 'vitest';
import hdr from 'hdr-histogram-js';
import {
  addEncodedInto,
  addInto,
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  HistogramFormatError,
  MAX_TRACKABLE_MS,
  percentileMs,
  recordMs,
  recordMsWithCount,
  reset,
  totalCount,
} from '../../src/metrics/hdr.js';
import { latencies } from '../support/latencies.js';

/** The exact percentile of sorted values (nearest rank, as HDR counts it). */
function exactPercentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9));
  return sorted[rank - 1]!;
}

/** ZigZag LEB128, as V2 stores each count. */
function zigzagLeb(n: number): number[] {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  const out: number[] = [];
  while (z > 0x7f) {
    out.push((z % 128) | 0x80);
    z = Math.floor(z / 128);
  }
  out.push(z);
  return out;
}

/** A V2 histogram (3 digits, lowest 1, highest 2) with the given encoded counts. */
function v2Bytes(counts: number[][]): Uint8Array {
  const payload = counts.flat();
  const out = new Uint8Array(40 + payload.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, 0x1c849313);
  view.setInt32(4, payload.length);
  view.setInt32(12, 3);
  view.setUint32(20, 1);
  view.setUint32(28, 2);
  view.setFloat64(32, 1);
  out.set(payload, 40);
  return out;
}

function withinHdrPrecision(actual: number, expected: number): void {
  // 3 significant digits: a bucket is at most 1/1024 of its value wide, plus 1 µs of rounding.
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected / 1000 + 0.001);
}

describe('recordMs', () => {
  it.each([
    [-5, 0],
    [Number.NaN, 0],
    [0, 0],
    [0.0004, 0],
    [0.0006, 0.001],
    [1.2345, 1.235],
    [2.047, 2.047],
  ])('records %s ms as %s ms (exact below 2.048 ms)', (ms, expected) => {
    const h = createHistogram();
    recordMs(h, ms);
    expect(totalCount(h)).toBe(1);
    expect(percentileMs(h, 100)).toBeCloseTo(expected, 6);
  });

  it.each([2.5, 7, 123.456, 60_000])('records %s ms within 3 significant digits', (ms) => {
    const h = createHistogram();
    recordMs(h, ms);
    withinHdrPrecision(percentileMs(h, 50), ms);
  });

  it('clamps Infinity to MAX_TRACKABLE_MS instead of growing without bound', () => {
    const h = createHistogram();
    recordMs(h, Number.POSITIVE_INFINITY);
    expect(percentileMs(h, 100)).toBeLessThanOrEqual(MAX_TRACKABLE_MS * 1.001);
    expect(percentileMs(h, 100)).toBeGreaterThanOrEqual(MAX_TRACKABLE_MS * 0.999);
  });

  it('fills exactly the buckets the library recordValue fills', () => {
    const ours = createHistogram();
    const lib = hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3 });
    for (const ms of [...latencies(50_000, 7), 0, 0.001, 2.047, 2.048, 2.049, 4096, 2147483.647, 2147483.648, 1e7]) {
      recordMs(ours, ms);
      lib.recordValue(ms > 0 ? Math.round(ms * 1000) : 0);
    }
    expect(hdr.encodeIntoCompressedBase64(ours)).toBe(hdr.encodeIntoCompressedBase64(lib));
  });

  it('records a count of occurrences at once', () => {
    const h = createHistogram();
    recordMsWithCount(h, 1.5, 5);
    expect(totalCount(h)).toBe(5);
    expect(percentileMs(h, 50)).toBeCloseTo(1.5, 6);
  });
});

describe('percentileMs', () => {
  it('is 0 for an empty histogram', () => {
    expect(percentileMs(createHistogram(), 99)).toBe(0);
  });

  it.each([50, 90, 95, 99, 99.9, 100])('p(%s) is within 3 significant digits of the exact value', (p) => {
    const values = latencies(20_000, 3);
    const h = createHistogram();
    for (const v of values) recordMs(h, v);
    withinHdrPrecision(percentileMs(h, p), exactPercentile([...values].sort((a, b) => a - b), p));
  });
});

describe('encode / decode', () => {
  it.each([
    ['plain', false],
    ['compressed', true],
  ])('a %s round trip keeps every bucket', (_name, compress) => {
    const h = createHistogram();
    for (const v of latencies(30_000, 11)) recordMs(h, v);
    const back = decodeHistogram(encodeHistogram(h, { compress }));
    expect(totalCount(back)).toBe(totalCount(h));
    expect(hdr.encodeIntoCompressedBase64(back)).toBe(hdr.encodeIntoCompressedBase64(h));
  });

  it('reads a hand-built V2 payload: a zero run, then counts', () => {
    const h = decodeHistogram(v2Bytes([zigzagLeb(-1500), zigzagLeb(3), zigzagLeb(2)]));
    expect(totalCount(h)).toBe(5);
    expect(percentileMs(h, 50)).toBe(1.5);
    expect(percentileMs(h, 100)).toBe(1.501);
  });

  it('round-trips an empty histogram', () => {
    const back = decodeHistogram(encodeHistogram(createHistogram()));
    expect(totalCount(back)).toBe(0);
  });

  it('produces bytes that own their buffer exactly (safe to transfer)', () => {
    const h = createHistogram();
    for (const v of latencies(1000, 5)) recordMs(h, v);
    const bytes = encodeHistogram(h);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('compresses a busy histogram smaller than the plain form', () => {
    const h = createHistogram();
    for (const v of latencies(70_000, 13)) recordMs(h, v);
    expect(encodeHistogram(h, { compress: true }).byteLength).toBeLessThan(encodeHistogram(h).byteLength);
  });

  it('reads what the library itself encodes (compressed V2)', () => {
    const lib = hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3 });
    for (const v of latencies(5000, 17)) lib.recordValue(Math.round(v * 1000));
    const bytes = new Uint8Array(Buffer.from(hdr.encodeIntoCompressedBase64(lib), 'base64'));
    const back = decodeHistogram(bytes);
    expect(hdr.encodeIntoCompressedBase64(back)).toBe(hdr.encodeIntoCompressedBase64(lib));
  });

  it('writes what the library can decode', () => {
    const h = createHistogram();
    for (const v of latencies(5000, 19)) recordMs(h, v);
    const lib = (hdr.JsHistogram as unknown as { decode(b: Uint8Array): typeof h }).decode(encodeHistogram(h));
    expect(lib.totalCount).toBe(totalCount(h));
    expect(lib.getValueAtPercentile(99)).toBe(h.getValueAtPercentile(99));
  });

  it('re-buckets a histogram encoded with another layout', () => {
    const lib = hdr.build({ bitBucketSize: 32, autoResize: true, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 2 });
    for (const v of [1000, 2000, 3000, 40000]) lib.recordValue(v);
    const back = decodeHistogram(new Uint8Array(Buffer.from(hdr.encodeIntoCompressedBase64(lib), 'base64')));
    expect(totalCount(back)).toBe(4);
    expect(percentileMs(back, 100)).toBeCloseTo(40, 0);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['a wrong cookie', new Uint8Array(48)],
    ['a truncated payload', (() => {
      const h = createHistogram();
      recordMs(h, 5);
      return encodeHistogram(h).subarray(0, 41);
    })()],
    ['a zero run past any trackable value', v2Bytes([zigzagLeb(-(2 ** 40)), zigzagLeb(1)])],
  ])('rejects %s input with a HistogramFormatError', (_name, bytes) => {
    expect(() => decodeHistogram(bytes)).toThrow(HistogramFormatError);
  });
});

describe('merging', () => {
  it('addInto of two halves equals one histogram fed every value', () => {
    const values = latencies(40_000, 23);
    const whole = createHistogram();
    const a = createHistogram();
    const b = createHistogram();
    values.forEach((v, i) => {
      recordMs(whole, v);
      recordMs(i % 2 ? a : b, v);
    });
    addInto(a, b);
    expect(hdr.encodeIntoCompressedBase64(a)).toBe(hdr.encodeIntoCompressedBase64(whole));
  });

  it('addEncodedInto equals adding the decoded histogram, into 32- and 64-bit targets', () => {
    const values = latencies(40_000, 29);
    const whole = createHistogram();
    const halves = [createHistogram(), createHistogram()];
    values.forEach((v, i) => {
      recordMs(whole, v);
      recordMs(halves[i % 2]!, v);
    });
    for (const width of [32, 64] as const) {
      const target = createHistogram(width);
      for (const half of halves) addEncodedInto(target, encodeHistogram(half));
      expect(totalCount(target)).toBe(values.length);
      expect(hdr.encodeIntoCompressedBase64(target)).toBe(hdr.encodeIntoCompressedBase64(whole));
    }
  });

  it('addEncodedInto grows a small target to the source range', () => {
    const big = createHistogram();
    recordMs(big, 120_000);
    const target = createHistogram();
    recordMs(target, 1);
    addEncodedInto(target, encodeHistogram(big));
    expect(totalCount(target)).toBe(2);
    withinHdrPrecision(percentileMs(target, 100), 120_000);
  });

  it('reset empties a histogram that then records afresh', () => {
    const h = createHistogram();
    for (const v of latencies(1000, 31)) recordMs(h, v);
    reset(h);
    expect(totalCount(h)).toBe(0);
    recordMs(h, 1.5);
    expect(percentileMs(h, 50)).toBeCloseTo(1.5, 6);
  });
});
