import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { precompileHttpParser, setsParserFlags, undiciUsesSimd, withEagerFlags, type V8Flags } from '../../../src/clients/http/parser-precompile.js';
import { LOAD_WORKER_ENTRY } from '../../../src/coordinator/warm-threads.js';

/** One `new WebAssembly.Module` in a load thread: the source file that called it (source-mapped) and the bytes' hash. */
interface Compile {
  caller: string;
  sha256: string;
}

/**
 * Starts the built load thread (dist/volley-load-worker.js; npm test builds first), which precompiles
 * llhttp and warms its request path up, with every WebAssembly compile in it reported, until undici's
 * client compiled its own parser.
 */
function compilesInLoadThread(env: NodeJS.ProcessEnv): Promise<Compile[]> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { createHash } = require('node:crypto');
    process.setSourceMapsEnabled(true);
    const Compiled = WebAssembly.Module;
    WebAssembly.Module = class extends Compiled {
      constructor(bytes, ...rest) {
        const caller = (new Error().stack.split('\\n')[2] ?? '').trim();
        parentPort.postMessage({ caller, sha256: createHash('sha256').update(bytes).digest('hex') });
        super(bytes, ...rest);
      }
    };
    import(${JSON.stringify(LOAD_WORKER_ENTRY.href)});`;
  const worker = new Worker(code, { eval: true, env, workerData: { warmUp: true }, stdout: true, stderr: true });
  const seen: Compile[] = [];
  return new Promise<Compile[]>((resolve, reject) => {
    const done = (result: () => void) => {
      clearTimeout(timer);
      void worker.terminate().then(result);
    };
    const timer = setTimeout(() => done(() => reject(new Error(`undici's client compiled no parser within 20 s; compiles seen: ${JSON.stringify(seen)}`))), 20_000);
    worker.on('message', (compile: Compile) => {
      seen.push(compile);
      if (compile.caller.includes('client-h1')) done(() => resolve(seen));
    });
    worker.once('error', (err) => done(() => reject(err)));
  });
}

// What the precompile buys is time and memory, which the benchmarks measure; that undici parses
// with it is covered by the warm-up's test (test/worker/warm-up.test.ts). This guards the part that
// would otherwise fail silently: undici's llhttp files moving in an update.
describe('precompileHttpParser', () => {
  it("compiles undici's llhttp from where undici keeps it: plain, and SIMD", () => {
    expect(precompileHttpParser({ UNDICI_NO_WASM_SIMD: '1' })).toBe(true);
    expect(precompileHttpParser({})).toBe(true);
  });

  it('leaves V8 alone when the user set one of the flags it changes (NODE_OPTIONS or node flags)', () => {
    expect(precompileHttpParser({ NODE_OPTIONS: '--max-old-space-size=512 --liftoff-only' }, [])).toBe(false);
    expect(precompileHttpParser({}, ['--no-wasm-dynamic-tiering'])).toBe(false);
  });
});

/** A V8 with these flag defaults that notes every flag set, and what was set when the compile ran. */
function fakeV8(defaults: Record<string, boolean>): V8Flags & { calls: string[] } {
  const calls: string[] = [];
  return { calls, defaults: () => new Map(Object.entries(defaults)), set: (flag) => calls.push(flag) };
}

const NODE_20 = { liftoff: true, 'wasm-lazy-compilation': true, 'wasm-dynamic-tiering': true, 'turbo-force-mid-tier-regalloc': false };
const { 'turbo-force-mid-tier-regalloc': _gone, ...NODE_22 } = NODE_20;

describe('withEagerFlags', () => {
  it('sets the eager flags around the compile, then each back to its default', () => {
    const v8 = fakeV8(NODE_20);
    let during: string[] = [];
    expect(withEagerFlags(v8, () => (during = [...v8.calls]))).toBe(true);
    expect(during).toEqual(['--no-liftoff', '--no-wasm-lazy-compilation', '--no-wasm-dynamic-tiering', '--turbo-force-mid-tier-regalloc']);
    expect(v8.calls.slice(during.length)).toEqual(['--liftoff', '--wasm-lazy-compilation', '--wasm-dynamic-tiering', '--no-turbo-force-mid-tier-regalloc']);
  });

  it('sets no flag this V8 does not know (Node 22 has no mid-tier allocator: V8 would print an error)', () => {
    const v8 = fakeV8(NODE_22);
    expect(withEagerFlags(v8, () => {})).toBe(true);
    expect(v8.calls.filter((f) => f.includes('mid-tier'))).toEqual([]);
    expect(v8.calls).toHaveLength(6);
  });

  it('puts back the value a flag had, not a fixed one: one already eager by default is left alone', () => {
    const v8 = fakeV8({ ...NODE_22, 'wasm-lazy-compilation': false });
    withEagerFlags(v8, () => {});
    expect(v8.calls).toEqual(['--no-liftoff', '--no-wasm-dynamic-tiering', '--liftoff', '--wasm-dynamic-tiering']);
  });

  it('puts the flags back when the compile throws', () => {
    const v8 = fakeV8(NODE_22);
    expect(withEagerFlags(v8, () => { throw new Error('no SIMD here'); })).toBe(false);
    expect(v8.calls.slice(3)).toEqual(['--liftoff', '--wasm-lazy-compilation', '--wasm-dynamic-tiering']);
  });

  it('sets and compiles nothing when the flags could not be listed', () => {
    const v8 = fakeV8({});
    let ran = false;
    expect(withEagerFlags(v8, () => (ran = true))).toBe(false);
    expect([ran, v8.calls]).toEqual([false, []]);
  });
});

describe('the bundled load thread', () => {
  it.each([
    ['SIMD', {}],
    ['plain', { UNDICI_NO_WASM_SIMD: '1' }],
  ])("precompiles the very llhttp bytes (%s) undici's bundled client then parses with", async (_variant, extra) => {
    const compiles = await compilesInLoadThread({ ...process.env, ...extra });
    const precompiled = compiles.filter((c) => c.caller.includes('parser-precompile'));
    const parser = compiles.filter((c) => c.caller.includes('client-h1'));
    const recheck =
      "re-check how undici's lib/dispatcher/client-h1.js (lazyllhttp) loads llhttp against src/clients/http/parser-precompile.ts, " +
      'which must compile the same bytes (bundled from the same files) or its precompile is wasted';
    expect(precompiled.length, `the precompile compiled nothing: ${recheck}; compiles: ${JSON.stringify(compiles)}`).toBeGreaterThan(0);
    expect(parser[0]?.sha256, `undici's client parses with other bytes than were precompiled: ${recheck}`).toBe(precompiled.at(-1)?.sha256);
  });
});

describe('setsParserFlags', () => {
  it('spots the flags in either spelling, and only those', () => {
    expect(setsParserFlags('--no-liftoff')).toBe(true);
    expect(setsParserFlags('--wasm_lazy_compilation')).toBe(true);
    expect(setsParserFlags('--turbo-force-mid-tier-regalloc --trace-gc')).toBe(true);
    expect(setsParserFlags('--max-old-space-size=512 --enable-source-maps')).toBe(false);
    expect(setsParserFlags('')).toBe(false);
  });
});

describe('undiciUsesSimd', () => {
  it('picks the variant undici will: SIMD by default, plain when UNDICI_NO_WASM_SIMD=1', () => {
    expect(undiciUsesSimd({}, 'x64', '20.20.2')).toBe(true);
    expect(undiciUsesSimd({ UNDICI_NO_WASM_SIMD: '1' }, 'x64', '20.20.2')).toBe(false);
  });

  it('follows undici on ppc64: plain before Node 24.12 unless UNDICI_NO_WASM_SIMD=0', () => {
    expect(undiciUsesSimd({}, 'ppc64', '20.20.2')).toBe(false);
    expect(undiciUsesSimd({}, 'ppc64', '24.11.0')).toBe(false);
    expect(undiciUsesSimd({}, 'ppc64', '24.12.0')).toBe(true);
    expect(undiciUsesSimd({}, 'ppc64', '25.0.0')).toBe(true);
    expect(undiciUsesSimd({ UNDICI_NO_WASM_SIMD: '0' }, 'ppc64', '20.20.2')).toBe(true);
  });
});
