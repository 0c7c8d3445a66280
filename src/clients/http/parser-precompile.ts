/**
 * Compiles undici's HTTP parser (llhttp, WebAssembly) to optimized code once per process, when a
 * load thread starts, instead of in the middle of the run.
 *
 * Left to its defaults, V8 compiles WebAssembly with its baseline compiler (Liftoff) on first use
 * and recompiles hot functions with TurboFan in the background. llhttp is one giant state-machine
 * function: that recompile takes ≈ 210 ms of CPU inside the run's first second (on the generator's
 * core), and ≈ 35 MB of compiler memory that set the run's peak RSS. Liftoff's code alone parses a
 * response ≈ 0.4–0.7 µs slower than optimized code.
 *
 * Here every function is compiled eagerly by TurboFan with its mid-tier register allocator, the
 * one V8 falls back to for huge functions: ≈ 60–130 ms and ≈ 26 MB (given back right after) instead
 * of ≈ 250 ms and 50 MB, for code that parses ≈ 90 ns per response slower than full TurboFan's
 * (≈ 0.3 % of a request; benchmarks/README.md has the figures).
 *
 * V8 has no per-module switch, so the process-wide flags change only around this synchronous
 * compile, then go back to V8's defaults; when the user set any of them (NODE_OPTIONS or node's own
 * flags) nothing is changed or compiled. During the compile, a JavaScript function another thread
 * optimizes also gets the mid-tier allocator (at start-up: the CLI's main thread and the lifecycle
 * thread; a second load thread waits). V8 keeps one compiled module per wire bytes for the whole
 * process (a second thread compiling the same bytes waits for the first) and hands it to undici's
 * own `new WebAssembly.Module` in every thread, for as long as it is alive. Should that ever miss,
 * undici compiles as before: a colder first second, nothing else.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';

type Variant = 'llhttp_simd-wasm' | 'llhttp-wasm';
// require(), not import: their module.exports is a Buffer, and ESM interop would copy its 54,000
// indices one property at a time.
const requireHere = createRequire(import.meta.url);
const bytesOf = (variant: Variant) => requireHere(`undici/lib/llhttp/${variant}.js`) as Uint8Array;

const EAGER_MID_TIER = ['--no-liftoff', '--no-wasm-lazy-compilation', '--no-wasm-dynamic-tiering', '--turbo-force-mid-tier-regalloc'];
/** V8's defaults for what EAGER_MID_TIER changes. */
const DEFAULTS = ['--liftoff', '--wasm-lazy-compilation', '--wasm-dynamic-tiering', '--no-turbo-force-mid-tier-regalloc'];
/** A node or V8 flag that sets one of them (either spelling: V8 takes `_` for `-`). */
const PARSER_FLAG = /--(no[-_])?(liftoff|wasm[-_]lazy[-_]compilation|wasm[-_]dynamic[-_]tiering|turbo[-_]force[-_]mid[-_]tier[-_]regalloc)\b/;

/** Whether the user set any flag this compile changes: then it leaves V8's flags alone. */
export function setsParserFlags(commandLine: string): boolean {
  return PARSER_FLAG.test(commandLine);
}

/** Kept for the life of the thread: V8 hands out a compiled module only while it is alive. */
const compiled = new Map<Variant, WebAssembly.Module>();

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Compiles llhttp as undici will pick it (SIMD when undiciUsesSimd, else or when SIMD fails to
 * compile the plain one). False when it did not (the user set one of the flags, or undici's files
 * moved): undici then compiles its own, as if this had never run.
 */
export function precompileHttpParser(env: Env = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  if (setsParserFlags([env.NODE_OPTIONS ?? '', ...execArgv].join(' '))) return false;
  const choices: Variant[] = undiciUsesSimd(env) ? ['llhttp_simd-wasm', 'llhttp-wasm'] : ['llhttp-wasm'];
  return choices.some((variant) => compiled.has(variant) || compileEagerly(variant));
}

/** undici's own choice (lib/dispatcher/client-h1.js, lazyllhttp): SIMD except on ppc64 before Node 24.12, or as UNDICI_NO_WASM_SIMD says. */
export function undiciUsesSimd(env: Env, arch: string = process.arch, nodeVersion: string = process.versions.node): boolean {
  if (env.UNDICI_NO_WASM_SIMD === '1') return false;
  if (env.UNDICI_NO_WASM_SIMD === '0' || arch !== 'ppc64') return true;
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 12);
}

function compileEagerly(variant: Variant): boolean {
  for (const flag of EAGER_MID_TIER) setFlagsFromString(flag);
  try {
    compiled.set(variant, new WebAssembly.Module(bytesOf(variant)));
    return true;
  } catch {
    return false;
  } finally {
    for (const flag of DEFAULTS) setFlagsFromString(flag);
  }
}
