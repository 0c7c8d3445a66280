import { describe, expect, it } from 'vitest';
import { compileHttpParserBaseline } from '../../../src/clients/http/parser-baseline.js';

// What the baseline compile saves is memory, which the memory bench measures; this guards the part
// that would otherwise fail silently: undici's llhttp files moving in an update.
describe('compileHttpParserBaseline', () => {
  it("compiles undici's llhttp from where undici keeps it: plain, and SIMD", () => {
    expect(compileHttpParserBaseline({ UNDICI_NO_WASM_SIMD: '1' })).toBe(true);
    expect(compileHttpParserBaseline({})).toBe(true);
  });
});
