#!/usr/bin/env node
/**
 * HDR histogram costs, WebAssembly against plain JS, to choose what src/metrics/hdr.ts wraps.
 *
 *   npx tsc -p tsconfig.build.json && node benchmarks/hdr.mjs [--records 10000000] [--variants lib-js32,volley32]
 *
 * Variants: the library's JS histograms (32-bit, 64-bit and packed counts) and WASM ones (32-bit and
 * packed) through the library's own encode/decode, and volley's wrapper (dist/metrics/hdr.js) with
 * 32- and 64-bit counts, its V2 encoder (plain or deflated) and its decode-into-target merge.
 *
 * Each variant runs in its own child process (fresh JIT, clean heap), and prints one line per
 * figure: record cost (ns/record), encode/decode/add cost (µs) and encoded size (bytes) for a busy
 * second (70k values) and a quiet one (20 values), and memory per histogram (fresh, and after 1,000
 * realistic values). Asserts nothing; the machine is noisy, so run it several times and compare medians.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import hdr from 'hdr-histogram-js';

/** The library's own paths: JS counts encode only to compressed base64; WASM has encode() to V2 bytes. */
function library(bitBucketSize, useWebAssembly) {
  const create = () => hdr.build({ bitBucketSize, useWebAssembly, lowestDiscernibleValue: 1, highestTrackableValue: 2, numberOfSignificantValueDigits: 3, autoResize: true });
  if (useWebAssembly) {
    return {
      create,
      record: (h, ms) => h.recordValue(Math.round(ms * 1000)),
      encode: (h) => h.encode(),
      decode: (bytes) => hdr.WasmHistogram.decode(bytes, bitBucketSize),
      add: (t, s) => t.add(s),
      destroy: (h) => h.destroy(),
    };
  }
  return {
    create,
    record: (h, ms) => h.recordValue(Math.round(ms * 1000)),
    encode: (h) => Buffer.from(hdr.encodeIntoCompressedBase64(h), 'base64'),
    decode: (bytes) => hdr.decodeFromCompressedBase64(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), bitBucketSize),
    add: (t, s) => t.add(s),
    destroy: () => {},
  };
}

/** volley's wrapper (src/metrics/hdr.ts, from dist/: run `npx tsc -p tsconfig.build.json` first). */
async function volley(width, compress) {
  const w = await import('../dist/metrics/hdr.js');
  return {
    create: () => w.createHistogram(width),
    record: w.recordMs,
    encode: (h) => w.encodeHistogram(h, { compress }),
    decode: (bytes) => w.decodeHistogram(bytes, width),
    add: w.addInto,
    addEncoded: w.addEncodedInto,
    destroy: () => {},
    recorder: async () => {
      const [{ WorkerMetrics }, { BUILTIN }, { TagSet }] = await Promise.all([
        import('../dist/metrics/worker-metrics.js'),
        import('../dist/metrics/builtin.js'),
        import('../dist/metrics/tags.js'),
      ]);
      return new WorkerMetrics(() => {}).series(BUILTIN.http_req_duration, TagSet.of({ name: 'items', status: '200' }));
    },
  };
}

const VARIANTS = {
  'lib-js32': () => library(32, false),
  'lib-js64': () => library(64, false),
  'lib-jspacked': () => library('packed', false),
  'lib-wasm32': () => { hdr.initWebAssemblySync(); return library(32, true); },
  'lib-wasmpacked': () => { hdr.initWebAssemblySync(); return library('packed', true); },
  'volley32': () => volley(32, false),
  'volley32-deflate': () => volley(32, true),
  'volley64': () => volley(64, false),
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Deterministic PRNG (mulberry32) so every run and variant records the same values. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Latencies in ms: log-normal around 4 ms (p99 ≈ 40 ms) plus 0.1% outliers up to 2 s. */
function latencies(n, seed) {
  const rnd = prng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
    out[i] = rnd() < 0.001 ? rnd() * 2000 : 4 * Math.exp(z);
  }
  return out;
}

function fill(a, h, values, count, offset = 0) {
  for (let i = 0; i < count; i++) a.record(h, values[(offset + i) % values.length]);
  return h;
}

/** Median µs per call: a warm-up, then 7 batches of about 20 ms each. */
function timeUs(fn) {
  let reps = 0;
  const warm = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - warm) < 30e6) fn(reps++);
  reps = Math.max(1, Math.ceil(reps * (20 / 30)));
  const samples = [];
  for (let b = 0; b < 7; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000 / reps);
  }
  return samples.sort((x, y) => x - y)[3];
}

function gc() {
  setFlagsFromString('--expose-gc');
  const f = runInNewContext('gc');
  f(); f();
}

function used() {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function line(variant, figure, value, unit) {
  process.stdout.write(`${variant.padEnd(10)} ${figure.padEnd(34)} ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 0) : value} ${unit}\n`);
}

/** A chunk of records from a 64k-value array (cache-resident, as a histogram's hot buckets are). */
function recordChunk(a, h, values, n) {
  for (let i = 0; i < n; i++) a.record(h, values[i & 0xffff]);
}

function bareChunk(values, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.round(values[i & 0xffff] * 1000);
  return s;
}

function median(xs) {
  return xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
}

function benchRecord(name, a, values, records) {
  const h = a.create();
  const chunk = 1_000_000;
  const rounds = Math.max(3, Math.round(records / chunk));
  const ns = [];
  const bare = [];
  for (let r = 0; r < rounds + 2; r++) {
    let t0 = process.hrtime.bigint();
    recordChunk(a, h, values, chunk);
    if (r >= 2) ns.push(Number(process.hrtime.bigint() - t0) / chunk); // the first two rounds warm the JIT
    t0 = process.hrtime.bigint();
    bareChunk(values, chunk);
    if (r >= 2) bare.push(Number(process.hrtime.bigint() - t0) / chunk);
  }
  line(name, `record (${rounds}M values)`, median(ns), 'ns/record');
  line(name, 'bare loop (subtract from record)', median(bare), 'ns/iteration');
  a.destroy(h);
}

/** The whole hot path: a cached trend recorder's add (exact count/min/max/sum + one HDR record). */
function benchRecorder(name, recorder, values, records) {
  const chunk = 1_000_000;
  const rounds = Math.max(3, Math.round(records / chunk));
  const ns = [];
  for (let r = 0; r < rounds + 2; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk; i++) recorder.add(values[i & 0xffff]);
    if (r >= 2) ns.push(Number(process.hrtime.bigint() - t0) / chunk);
  }
  line(name, `WorkerMetrics trend recorder add`, median(ns), 'ns/record');
}

function benchCodec(name, a, values) {
  for (const [label, n] of [['busy (70k values)', 70_000], ['quiet (20 values)', 20]]) {
    const h = fill(a, a.create(), values, n, 12345);
    const bytes = a.encode(h);
    line(name, `size ${label}`, bytes.byteLength, 'bytes');
    line(name, `encode ${label}`, timeUs(() => a.encode(h)), 'µs');
    line(name, `decode ${label}`, timeUs(() => a.destroy(a.decode(bytes))), 'µs');
    const target = fill(a, a.create(), values, 10_000);
    const source = a.decode(bytes);
    line(name, `add ${label}`, timeUs(() => a.add(target, source)), 'µs');
    if (a.addEncoded) line(name, `add encoded ${label}`, timeUs(() => a.addEncoded(target, bytes)), 'µs');
    a.destroy(target); a.destroy(source); a.destroy(h);
  }
}

function benchMemory(name, a, values) {
  const count = 1000;
  const keep = [];
  gc();
  const before = used();
  for (let i = 0; i < count; i++) keep.push(a.create());
  gc();
  line(name, 'memory fresh', (used() - before) / count, 'bytes/histogram');
  for (let i = 0; i < count; i++) fill(a, keep[i], values, 1000, i * 7919);
  gc();
  line(name, 'memory with 1k realistic values', (used() - before) / count, 'bytes/histogram');
  for (const h of keep) a.destroy(h);
}

async function child(name) {
  const a = await VARIANTS[name]();
  const values = latencies(1 << 16, 42);
  benchMemory(name, a, values);
  benchCodec(name, a, values);
  benchRecord(name, a, values, Number(arg('records', '10000000')));
  if (a.recorder) benchRecorder(name, await a.recorder(), values, Number(arg('records', '10000000')));
}

async function main() {
  const only = arg('variant', undefined);
  if (only) return child(only);
  const t0 = process.hrtime.bigint();
  hdr.initWebAssemblySync();
  line('lib-wasm', 'initWebAssemblySync', Number(process.hrtime.bigint() - t0) / 1e6, 'ms');
  for (const name of arg('variants', Object.keys(VARIANTS).join(',')).split(',')) {
    await new Promise((resolve, reject) => {
      const c = fork(fileURLToPath(import.meta.url), ['--variant', name, '--records', arg('records', '10000000')], { stdio: 'inherit' });
      c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}`))));
    });
  }
}

await main();
