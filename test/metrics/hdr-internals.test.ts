/**
 * src/metrics/hdr.ts reaches past hdr-histogram-js' public Histogram interface (its bucket arithmetic,
 * counts array and totals) for speed. These tests find every such member it touches, and check that
 * each still means what hdr.ts assumes, so a library update that changes one fails here by name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import hdr from 'hdr-histogram-js';
import {
  addEncodedInto,
  addInto,
  createHistogram,
  decodeHistogram,
  encodeHistogram,
  percentileMs,
  recordMs,
  recordMsWithCount,
  reset,
  totalCount,
  type Histogram,
} from '../../src/metrics/hdr.js';
import { latencies } from '../support/latencies.js';

const libraryDir = dirname(createRequire(import.meta.url).resolve('hdr-histogram-js/package.json'));
const { version } = JSON.parse(readFileSync(join(libraryDir, 'package.json'), 'utf8')) as { version: string };
const RECHECK = `hdr-histogram-js ${version}: re-check src/metrics/hdr.ts (recordUs, addCounts, encodeV2, grow) against this version`;

/** The members of the library's public `Histogram` interface (dist/Histogram.d.ts), and which of them are read-only. */
function publicMembers(): { all: Set<string>; readonly: Set<string> } {
  const declaration = readFileSync(join(libraryDir, 'dist', 'Histogram.d.ts'), 'utf8');
  const body = /export default interface Histogram \{([\s\S]*?)\n\}/.exec(declaration)?.[1];
  if (!body) throw new Error(`${RECHECK}: dist/Histogram.d.ts no longer declares the Histogram interface`);
  const all = new Set<string>();
  const readonly = new Set<string>();
  for (const [, ro, name] of body.matchAll(/^\s+(readonly\s+)?(\w+)\s*[(:?]/gm)) {
    all.add(name!);
    if (ro) readonly.add(name!);
  }
  return { all, readonly };
}

/** `h` behind a proxy that notes each member hdr.ts reads or writes (the library's own calls inside a method are not seen). */
function watched(h: Histogram, read: Set<string>, written: Set<string>): Histogram {
  return new Proxy(h, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      const value: unknown = Reflect.get(target, key, target); // getters run on the target: their own reads are the library's
      return typeof value === 'function' ? (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args) : value;
    },
    set(target, key, value) {
      if (typeof key === 'string') written.add(key);
      return Reflect.set(target, key, value);
    },
  });
}

/** Runs every path of hdr.ts with watched histograms: the members it touches beyond the public interface. */
function internalsTouched(): string[] {
  const read = new Set<string>();
  const written = new Set<string>();
  const watch = (h: Histogram) => watched(h, read, written);
  const busy = createHistogram();
  for (const ms of latencies(2000, 3)) recordMs(busy, ms);
  const twoDigits = hdr.build({ bitBucketSize: 32, autoResize: true, numberOfSignificantValueDigits: 2 });
  twoDigits.recordValue(40_000);
  const otherLayout = new Uint8Array(Buffer.from(hdr.encodeIntoCompressedBase64(twoDigits), 'base64'));
  for (const width of [32, 64] as const) {
    const h = watch(createHistogram(width));
    for (const ms of [0, 0.5, 3, 1500, 2_200_000, 9e9, Number.NaN]) recordMs(h, ms);
    recordMsWithCount(h, 12, 3);
    percentileMs(h, 99);
    totalCount(h);
    encodeHistogram(h);
    encodeHistogram(h, { compress: true });
    addInto(h, busy);
    const small = watch(createHistogram(width));
    addEncodedInto(small, encodeHistogram(busy)); // grows: the source's range is wider
    addEncodedInto(small, encodeHistogram(busy, { compress: true }));
    addEncodedInto(small, otherLayout);
    reset(h);
  }
  decodeHistogram(encodeHistogram(busy));
  const { all, readonly } = publicMembers();
  const internal = new Set([...read].filter((m) => !all.has(m)));
  for (const m of written) if (!all.has(m) || readonly.has(m)) internal.add(m);
  return [...internal].sort();
}

const MS = [0.001, 0.5, 1.023, 2.047, 2.048, 5, 123.456, 2_000, 60_000];
const US = MS.map((ms) => Math.round(ms * 1000));

/** A histogram as hdr.ts makes them, fed `values` (µs) through the library's public recordValue. */
function filled(values: readonly number[] = US): Histogram {
  const h = createHistogram();
  for (const v of values) h.recordValue(v);
  return h;
}

/** What hdr.ts assumes of each internal member, checked through the public interface where one exists. */
const INTERNALS: Record<string, () => void> = {
  unitMagnitude: () => expect(createHistogram().unitMagnitude, 'log2 of the lowest discernible value (1 µs)').toBe(0),
  subBucketHalfCountMagnitude: () => expect(createHistogram().subBucketHalfCountMagnitude, '3 digits: 2048 sub-buckets, half = 2^10').toBe(10),
  subBucketHalfCount: () => expect(createHistogram().subBucketHalfCount).toBe(2 ** createHistogram().subBucketHalfCountMagnitude),
  lowestDiscernibleValue: () => expect(createHistogram().lowestDiscernibleValue, 'the constructor argument').toBe(1),
  countsArrayIndex: () => {
    const h = filled([]);
    for (const v of US) {
      h.recordValue(v);
      expect(h.getCountAtIndex(h.countsArrayIndex(v)), `the bucket recordValue(${v}) fills`).toBeGreaterThan(0);
    }
  },
  getCountAtIndex: () => {
    const h = filled();
    let sum = 0;
    for (let i = 0; i < h.countsArrayLength; i++) sum += h.getCountAtIndex(i);
    expect(sum, 'the counts add up to totalCount').toBe(h.totalCount);
  },
  countsArrayLength: () => {
    const h = filled();
    expect(h.countsArrayIndex(h.maxValue), 'the largest recorded value is inside the counts array').toBeLessThan(h.countsArrayLength);
    expect(h.getCountAtIndex(h.countsArrayLength - 1), 'the last index holds a count').toBeTypeOf('number');
  },
  incrementCountAtIndex: () => {
    const h = filled();
    const i = h.countsArrayIndex(5000);
    const [before, total] = [h.getCountAtIndex(i), h.totalCount];
    h.incrementCountAtIndex(i);
    expect(h.getCountAtIndex(i), 'one more in that bucket').toBe(before + 1);
    expect(h.totalCount, 'the total is left to incrementTotalCount').toBe(total);
  },
  addToCountAtIndex: () => {
    const h = filled();
    const i = h.countsArrayIndex(5000);
    const [before, total] = [h.getCountAtIndex(i), h.totalCount];
    h.addToCountAtIndex(i, 7);
    expect(h.getCountAtIndex(i), 'seven more in that bucket').toBe(before + 7);
    expect(h.totalCount, 'the total is left to addToTotalCount').toBe(total);
  },
  incrementTotalCount: () => {
    const h = filled();
    const total = h.totalCount;
    h.incrementTotalCount();
    expect(h.totalCount).toBe(total + 1);
  },
  addToTotalCount: () => {
    const h = filled();
    const total = h.totalCount;
    h.addToTotalCount(7);
    expect(h.totalCount).toBe(total + 7);
  },
  updateMinAndMax: () => {
    const h = filled([5000]);
    h.updateMinAndMax(70_000);
    h.updateMinAndMax(3);
    expect([h.maxValue, h.minNonZeroValue, h.totalCount], 'max and min follow, the counts do not').toEqual([70_000, 3, 1]);
  },
  valueFromIndex: () => {
    const h = filled();
    for (const v of US) {
      const i = h.countsArrayIndex(v);
      expect(h.valueFromIndex(i), `the lowest value of ${v}'s bucket`).toBeLessThanOrEqual(v);
      expect(h.valueFromIndex(i + 1), `the next bucket starts above ${v}`).toBeGreaterThan(v);
    }
  },
  highestEquivalentValue: () => {
    const h = filled();
    for (const v of US) expect(h.highestEquivalentValue(v), `the top of ${v}'s bucket`).toBe(h.valueFromIndex(h.countsArrayIndex(v) + 1) - 1);
  },
  resize: () => {
    const h = filled();
    const counts = Array.from({ length: h.countsArrayLength }, (_, i) => h.getCountAtIndex(i));
    h.resize(10 ** 9);
    expect(h.countsArrayIndex(10 ** 9), 'the array now covers the new highest value').toBeLessThan(h.countsArrayLength);
    expect(counts.every((c, i) => h.getCountAtIndex(i) === c), 'the counts stay where they were').toBe(true);
  },
  highestTrackableValue: () => {
    const h = filled();
    h.resize(10 ** 9);
    h.highestTrackableValue = h.highestEquivalentValue(h.valueFromIndex(h.countsArrayLength - 1));
    const length = h.countsArrayLength;
    h.recordValue(h.highestTrackableValue);
    expect(h.countsArrayLength, 'recording the highest trackable value (as hdr.ts sets it after a resize) needs no further resize').toBe(length);
    expect(h.getValueAtPercentile(100)).toBe(h.highestTrackableValue);
  },
};

describe(`hdr-histogram-js internals used by src/metrics/hdr.ts`, () => {
  it('are exactly the ones checked here (a new one needs its check below)', () => {
    expect(internalsTouched(), RECHECK).toEqual(Object.keys(INTERNALS).sort());
  });

  it.each(Object.entries(INTERNALS))('%s still means what hdr.ts assumes', (name, check) => {
    try {
      check();
    } catch (err: unknown) {
      throw new Error(`${RECHECK}: ${name} changed. ${err instanceof Error ? err.message : String(err)}`);
    }
  });
});
