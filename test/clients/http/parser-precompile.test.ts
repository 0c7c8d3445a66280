import { describe, expect, it } from 'vitest';
import { precompileHttpParser, setsParserFlags, undiciUsesSimd } from '../../../src/clients/http/parser-precompile.js';

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
