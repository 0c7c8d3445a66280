/**
 * Durations exactly as k6 reads them. The first tables are k6's own cases (grafana/k6
 * lib/types/types_test.go: TestParseExtendedDuration, TestGetDurationValue, TestDuration) and Go's
 * for time.ParseDuration, which k6 builds on (src/time/time_test.go: parseDurationTests and
 * parseDurationErrorTests), as data; the others pin details and the command line's rule.
 */
import { describe, expect, it } from 'vitest';
import { durationValueNs, extendedDurationNs, goDurationNs, readDurationValue, readFlagDuration } from '../../src/config/duration.js';

const NS = 1n;
const US = 1_000n * NS;
const MS = 1_000n * US;
const S = 1_000n * MS;
const M = 60n * S;
const H = 60n * M;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

const okNs = (ns: bigint) => ({ ok: true, ns });
const failed = { ok: false, reason: expect.any(String) };

describe("k6's ParseExtendedDuration cases", () => {
  it.each<[string, bigint | 'error']>([
    ['', 'error'],
    ['d', 'error'],
    ['d2h', 'error'],
    ['2.1d', 'error'],
    ['2d-2h', 'error'],
    ['-2d-2h', 'error'],
    ['2+d', 'error'],
    ['2da', 'error'],
    ['2-d', 'error'],
    ['1.12s', 1120n * MS],
    ['0d1.12s', 1120n * MS],
    ['10d1.12s', 240n * H + 1120n * MS],
    ['1s', S],
    ['1d', 24n * H],
    ['20d', 480n * H],
    ['1d23h', 47n * H],
    ['1d24h15m', 48n * H + 15n * M],
    ['1d25h80m', 50n * H + 20n * M],
    ['0d25h120m80s', 27n * H + 80n * S],
    ['-1d2h', -26n * H],
    ['-1d24h', -48n * H],
    ['2d1ns', 48n * H + NS],
    ['-2562047h47m16.854775807s', MIN_INT64 + 1n],
    ['-106751d23h47m16.854775807s', MIN_INT64 + 1n],
    ['2562047h47m16.854775807s', MAX_INT64],
    ['106751d23h47m16.854775807s', MAX_INT64],
  ])('%j → %s', (text, expected) => {
    expect(extendedDurationNs(text)).toEqual(expected === 'error' ? failed : okNs(expected));
  });
});

describe("k6's GetDurationValue and Duration JSON cases (options, request params)", () => {
  it.each<[unknown, bigint | 'error']>([
    [false, 'error'],
    [new Date(0), 'error'],
    ['invalid', 'error'],
    [100, 100n * MS],
    [1000, S],
    [1000.0, S],
    [1000.001, S + US],
    ['1000', S],
    ['1000.001', S + US],
    ['1s', S],
    ['1.5s', 1500n * MS],
    ['1d3h1s', 27n * H + S],
    [75000, 75n * S],
    ['75s', 75n * S],
    ['1m15s', 75n * S],
    ['1d2h1m15s', 26n * H + 75n * S],
    ['10s', 10n * S],
  ])('%j → %s', (value, expected) => {
    expect(durationValueNs(value)).toEqual(expected === 'error' ? failed : okNs(expected));
  });
});

describe("Go's ParseDuration cases", () => {
  it.each<[string, bigint]>([
    ['0', 0n],
    ['5s', 5n * S],
    ['30s', 30n * S],
    ['1478s', 1478n * S],
    ['-5s', -5n * S],
    ['+5s', 5n * S],
    ['-0', 0n],
    ['+0', 0n],
    ['5.0s', 5n * S],
    ['5.6s', 5n * S + 600n * MS],
    ['5.s', 5n * S],
    ['.5s', 500n * MS],
    ['1.0s', S],
    ['1.00s', S],
    ['1.004s', S + 4n * MS],
    ['1.0040s', S + 4n * MS],
    ['100.00100s', 100n * S + MS],
    ['10ns', 10n * NS],
    ['11us', 11n * US],
    ['12µs', 12n * US], // U+00B5
    ['12μs', 12n * US], // U+03BC
    ['13ms', 13n * MS],
    ['14s', 14n * S],
    ['15m', 15n * M],
    ['16h', 16n * H],
    ['3h30m', 3n * H + 30n * M],
    ['10.5s4m', 4n * M + 10n * S + 500n * MS],
    ['-2m3.4s', -(2n * M + 3n * S + 400n * MS)],
    ['1h2m3s4ms5us6ns', H + 2n * M + 3n * S + 4n * MS + 5n * US + 6n * NS],
    ['39h9m14.425s', 39n * H + 9n * M + 14n * S + 425n * MS],
    ['52763797000ns', 52763797000n * NS],
    ['0.3333333333333333333h', 20n * M],
    ['9007199254740993ns', (1n << 53n) + 1n],
    ['9223372036854775807ns', MAX_INT64],
    ['9223372036854775.807us', MAX_INT64],
    ['9223372036s854ms775us807ns', MAX_INT64],
    ['-9223372036854775808ns', MIN_INT64],
    ['-9223372036854775.808us', MIN_INT64],
    ['-9223372036s854ms775us808ns', MIN_INT64],
    ['-2562047h47m16.854775808s', MIN_INT64],
    ['0.100000000000000000000h', 6n * M],
    ['0.830103483285477580700h', 49n * M + 48n * S + 372539827n * NS],
  ])('%j → %s ns', (text, ns) => {
    expect(goDurationNs(text)).toEqual(okNs(ns));
  });

  it.each([
    [''], ['3'], ['-'], ['s'], ['.'], ['-.'], ['.s'], ['+.s'], ['1d'], ['\uFFFD'], ['\uFFFD hello \uFFFD world'],
    ['9223372036854775810ns'], ['9223372036854775808ns'], ['-9223372036854775809ns'], ['9223372036854776us'],
    ['3000000h'], ['9223372036854775.808us'], ['9223372036854ms775us808ns'],
  ])('%j is refused', (text) => {
    expect(goDurationNs(text)).toEqual(failed);
  });
});

describe('Details of the syntax', () => {
  it.each<[string, bigint]>([
    ['1.5h', 90n * M],
    ['3m2h', 2n * H + 3n * M],
    ['1h1h', 2n * H],
    ['.000000001s', NS],
    ['+1d', 24n * H],
    ['1d+2h', 26n * H],
    ['1d0', 24n * H],
    ['-0d2h', 2n * H], // k6 negates the rest only for days below zero, and -0 is not
  ])('%j → %s ns', (text, ns) => {
    expect(extendedDurationNs(text)).toEqual(okNs(ns));
  });

  it.each<[string, string]>([
    ['1', 'missing unit'], // not reached through k6's parser (a bare number is ms), only on the command line
    ['1x', 'unknown unit "x" in duration "1x"'],
    ['1 s', 'unknown unit " s" in duration "1 s"'],
    [' 1s', 'invalid duration'],
    ['1s ', 'unknown unit "s "'],
    ['1S', 'unknown unit "S"'],
    ['.s', 'invalid duration ".s"'],
    ['-.s', 'invalid duration'],
    ['.', 'invalid duration'],
    ['1..5s', 'missing unit'],
    ['s', 'invalid duration'],
    ['--1s', 'invalid duration'],
    ['1s2', 'missing unit'],
    ['9223372036854775808ns', 'invalid duration'],
    ['2562048h', 'invalid duration'],
    ['1d1', 'missing unit'],
    ['1d-1h', 'invalid time format "-1h"'],
    ['1h2d', 'invalid number of days "1h2"'],
    ['106752d', 'out of range'],
  ])('%j is refused: %s', (text, reason) => {
    const r = text === '1' ? readFlagDuration(text) : extendedDurationNs(text);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe('readDurationValue: milliseconds, as options and request params take them', () => {
  it.each<[unknown, number]>([
    [2, 2],
    ['2', 2],
    ['5000', 5000],
    ['-5', -5],
    ['+5', 5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1_000', 1000], // Go's ParseFloat takes underscores between digits
    ['1d', 86_400_000],
    ['1d2h', 93_600_000],
    ['.5s', 500],
    ['+1s', 1000],
    ['1.5h', 5_400_000],
    ['1µs', 0.001],
    ['1us', 0.001],
    [0, 0],
  ])('%j → %f ms', (value, ms) => {
    expect(readDurationValue(value)).toEqual({ ok: true, ms });
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [null], [[1]], [{ s: 1 }], ['Inf'], ['NaN'], ['0x10p0'], ['1__0'], ['_1'], ['1e400'], [1e300]])(
    'refuses %j with a reason',
    (value) => {
      expect(readDurationValue(value)).toEqual(failed);
    },
  );
});

describe('readFlagDuration: the command line, where k6 refuses a bare number', () => {
  it.each([['30'], ['5000'], ['1.5'], ['1e3'], ['-5']])('%j → missing unit', (text) => {
    expect(readFlagDuration(text)).toEqual({ ok: false, reason: `missing unit in duration "${text}"` });
  });

  it.each<[string, number]>([
    ['30s', 30_000],
    ['0', 0],
    ['1d', 86_400_000],
    ['.5s', 500],
    ['1m30s', 90_000],
  ])('%j → %i ms', (text, ms) => {
    expect(readFlagDuration(text)).toEqual({ ok: true, ms });
  });

  it('refuses what options refuse too', () => {
    expect(readFlagDuration('soon')).toEqual({ ok: false, reason: 'invalid duration "soon"' });
  });
});
