/**
 * Durations as k6 reads them (grafana/k6 `lib/types`: ParseExtendedDuration, GetDurationValue).
 *
 * Text is Go's time.ParseDuration ('1h2m3.5s', '.5s', '+1s', '-1m', '500ms', '250us' or '250µs',
 * '10ns', a lone '0'), optionally after a whole number of days ('1d', '1d2h', '-1d2h' = -26h).
 * In options a number, or a string that is only a number, means milliseconds ('5000' = 5 s), as in
 * k6. On the command line k6 reads Go's syntax only, so a bare number there is refused ("missing
 * unit"): see readFlagDuration. Values are computed in integer nanoseconds, as Go's are, so that
 * k6's own test cases hold to the nanosecond.
 */

/** A duration, or why the input is not one (a phrase quoting it, as Go's errors do). */
export type DurationResult = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };
/** The same in nanoseconds (what k6's tables are written in). */
export type DurationNs = { readonly ok: true; readonly ns: bigint } | { readonly ok: false; readonly reason: string };

const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu; Go takes both
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const DAY_NS = 86_400_000_000_000n;
const NS_PER_MS = 1_000_000;
const TWO_63 = 1n << 63n;
/** Go's time.Duration is an int64 of nanoseconds. */
const MIN_NS = -TWO_63;
const MAX_NS = TWO_63 - 1n;

/** What strconv.ParseFloat reads as a decimal number (underscores between digits, as Go allows). */
const DIGITS = String.raw`\d(?:_?\d)*`;
const BARE_NUMBER = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
/** One `[0-9]*(\.[0-9]*)?unit` group of Go's syntax; the unit is whatever runs up to the next digit or dot. */
const GO_PART = /(\d*)(?:\.(\d*))?([^\d.]*)/y;

/** k6's GetDurationValue (and how its options read JSON): a number is ms, a string is parsed. */
export function durationValueNs(value: unknown): DurationNs {
  if (typeof value === 'string') return extendedDurationNs(value);
  if (typeof value !== 'number') return fail(`${describe(value)} is not a duration`);
  if (!Number.isFinite(value)) return fail(`${value} is not a duration`);
  return msToNs(value);
}

/** k6's ParseExtendedDuration: a bare number is ms, a leading `Nd` adds days to Go's syntax. */
export function extendedDurationNs(text: string): DurationNs {
  if (BARE_NUMBER.test(text)) return msToNs(Number(text.replaceAll('_', '')));
  const d = text.indexOf('d');
  if (d < 0) return goDurationNs(text);
  let rest = 0n;
  if (d + 1 < text.length) {
    const r = goDurationNs(text.slice(d + 1));
    if (!r.ok) return r;
    if (r.ns < 0n) return fail(`invalid time format ${quote(text.slice(d + 1))} after the days in ${quote(text)}`);
    rest = r.ns;
  }
  const daysText = text.slice(0, d);
  if (!/^[+-]?\d+$/.test(daysText)) return fail(`invalid number of days ${quote(daysText)} in duration ${quote(text)}`);
  const days = BigInt(daysText);
  // k6 subtracts the rest from negative days: '-1d2h' is -26h.
  return inRange(days * DAY_NS + (days < 0n ? -rest : rest), text);
}

/** Go's time.ParseDuration, with its overflow checks and its error messages. */
export function goDurationNs(text: string): DurationNs {
  const invalid = fail(`invalid duration ${quote(text)}`);
  let s = text;
  const negative = s.startsWith('-');
  if (negative || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return { ok: true, ns: 0n };
  if (s === '') return invalid;
  let total = 0n;
  GO_PART.lastIndex = 0;
  while (GO_PART.lastIndex < s.length) {
    const m = GO_PART.exec(s)!; // every group is optional, so it always matches
    const [, whole = '', fraction, unit = ''] = m;
    if (whole === '' && !fraction) return invalid; // no digits: 'd', '.s', '-.s'
    if (unit === '') return fail(`missing unit in duration ${quote(text)}`);
    const perUnit = UNIT_NS[unit];
    if (perUnit === undefined) return fail(`unknown unit ${quote(unit)} in duration ${quote(text)}`);
    const v = BigInt(whole || '0');
    if (v > TWO_63 / perUnit) return invalid;
    total += v * perUnit + fractionNs(fraction ?? '', perUnit);
    if (total > TWO_63) return invalid;
  }
  if (negative) return { ok: true, ns: -total };
  return total > MAX_NS ? invalid : { ok: true, ns: total };
}

/** Go's leadingFraction and its float arithmetic: digits past uint64's reach are ignored. */
function fractionNs(digits: string, perUnit: bigint): bigint {
  let f = 0n;
  let scale = 1;
  for (const c of digits) {
    const next = f * 10n + BigInt(c);
    if (f > (TWO_63 - 1n) / 10n || next > TWO_63) break;
    f = next;
    scale *= 10;
  }
  return f === 0n ? 0n : BigInt(Math.trunc(Number(f) * (Number(perUnit) / scale)));
}

/** Milliseconds as k6 takes them: time.Duration(ms * 1e6), truncated to whole nanoseconds. */
function msToNs(ms: number): DurationNs {
  const ns = ms * NS_PER_MS;
  return Number.isFinite(ns) ? inRange(BigInt(Math.trunc(ns)), String(ms)) : fail(`duration ${quote(String(ms))} is out of range`);
}

function inRange(ns: bigint, text: string): DurationNs {
  // k6 wraps around silently past ±292 years; a refusal is kinder.
  return ns < MIN_NS || ns > MAX_NS ? fail(`duration ${quote(text)} is out of range`) : { ok: true, ns };
}

/** An option's duration (script options, scenario fields, request params) in milliseconds. */
export function readDurationValue(value: unknown): DurationResult {
  return toMs(durationValueNs(value));
}

/**
 * A duration given on the command line (`-d`, `--stage`, their VOLLEY_ variables). As k6's CLI,
 * a bare number is refused: k6 options would read `30` as 30 ms, while a user typing `-d 30`
 * almost certainly means seconds. Otherwise the same syntax as options, days included.
 */
export function readFlagDuration(text: string): DurationResult {
  // Go's one unitless duration is a lone 0 ('0', '+0', '-0').
  if (BARE_NUMBER.test(text) && !/^[+-]?0$/.test(text)) return fail(`missing unit in duration ${quote(text)}`);
  return toMs(extendedDurationNs(text));
}

function toMs(r: DurationNs): DurationResult {
  return r.ok ? { ok: true, ms: Number(r.ns) / NS_PER_MS } : r;
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  return JSON.stringify(value) ?? String(value);
}

/** Formats milliseconds the way k6 prints durations: 1m30s, 2.5s, 850ms, 12µs. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1) return `${round(ms * 1000)}µs`;
  if (ms < 1000) return `${round(ms)}ms`;
  if (ms < 60_000) return `${round(ms / 1000)}s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = round((ms % 60_000) / 1000);
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
