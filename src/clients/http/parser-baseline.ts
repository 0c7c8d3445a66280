/**
 * Compiles undici's HTTP parser (llhttp, WebAssembly) once per process on V8's baseline compiler
 * only, before any thread loads undici.
 *
 * V8 compiles WebAssembly with Liftoff, then recompiles hot functions with TurboFan in the
 * background. llhttp is one giant state-machine function, and its TurboFan recompile takes ≈ 35 MB
 * of compiler memory for a moment, most of which malloc keeps afterwards (heaptrack: Zone segments
 * under ExecuteTurbofanWasmCompilation): peak RSS at 64 VUs 138 → 106 MB. Parsing a response is a
 * small share of a request's cost, and Liftoff's code for it measured no throughput loss
 * (http-throughput bench, A/B/A/B).
 *
 * V8 has no per-module switch, only process-wide flags, and `--liftoff-only` left on slowed every
 * `volley run`'s start-up by 30–50 ms (A/B, 5 pairs). So the flags change only while this compiles
 * every function of llhttp eagerly (a lazily compiled function would follow the flags of its first
 * call), then go back to V8's defaults. V8 keeps one compiled module per wire bytes for the whole
 * process and hands this one to undici's own `new WebAssembly.Module` in every thread, for as long
 * as it is alive. Should that ever miss, undici compiles as before: more memory, nothing else.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

type Variant = 'llhttp_simd-wasm' | 'llhttp-wasm';
// require(), not import: their module.exports is a Buffer, and ESM interop would copy its 54,000
// indices one property at a time (≈ 250 ms of the main thread at start-up).
const requireHere = createRequire(import.meta.url);
const bytesOf = (variant: Variant) => requireHere(`undici/lib/llhttp/${variant}.js`) as Uint8Array;

const BASELINE_ONLY = ['--liftoff-only', '--no-wasm-lazy-compilation'];
/** V8's defaults for what BASELINE_ONLY changes (--liftoff-only also turns both tier-ups off). */
const DEFAULTS = ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering', '--wasm-lazy-compilation'];

/** Kept for the life of the process: V8 hands out a compiled module only while it is alive. */
const compiled = new Map<Variant, WebAssembly.Module>();

/**
 * Compiles llhttp as undici will pick it (SIMD unless UNDICI_NO_WASM_SIMD=1 or unsupported); call
 * before any thread starts. False when it could not (undici's files moved): undici then compiles
 * its own, as if this had never run.
 */
export function compileHttpParserBaseline(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const choices: Variant[] = env.UNDICI_NO_WASM_SIMD === '1' ? ['llhttp-wasm'] : ['llhttp_simd-wasm', 'llhttp-wasm'];
  return choices.some((variant) => compiled.has(variant) || compileBaseline(variant));
}

function compileBaseline(variant: Variant): boolean {
  for (const flag of BASELINE_ONLY) setFlagsFromString(flag);
  try {
    compiled.set(variant, new WebAssembly.Module(bytesOf(variant)));
    return true;
  } catch {
    return false;
  } finally {
    for (const flag of DEFAULTS) setFlagsFromString(flag);
  }
}
