import { describe, expect, it } from 'vitest';
import { precompileHttpParser } from '../../../src/clients/http/parser-precompile.js';

// What the precompile buys is time and memory, which the benchmarks measure; that undici parses
// with it is covered by the warm-up's test (test/worker/warm-up.test.ts). This guards the part that
// would otherwise fail silently: undici's llhttp files moving in an update.
describe('precompileHttpParser', () => {
  it("compiles undici's llhttp from where undici keeps it: plain, and SIMD", () => {
    expect(precompileHttpParser({ UNDICI_NO_WASM_SIMD: '1' })).toBe(true);
    expect(precompileHttpParser({})).toBe(true);
  });
});
