import { describe, expect, it } from 'vitest';
import { precompileHttpParser, undiciUsesSimd } from '../../../src/clients/http/parser-precompile.js';

// What the precompile buys is time and memory, which the benchmarks measure; that undici parses
// with it is covered by the warm-up's test (test/worker/warm-up.test.ts). This guards the part that
// would otherwise fail silently: undici's llhttp files moving in an update.
describe('precompileHttpParser', () => {
  it("compiles undici's llhttp from where undici keeps it: plain, and SIMD", () => {
    expect(precompileHttpParser({ UNDICI_NO_WASM_SIMD: '1' })).toBe(true);
    expect(precompileHttpParser({})).toBe(true);
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
