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
 * (≈ 0.3 % of a request; benchmarks/README.md has the figures). From Node 22 on, V8 has no flag
 * that forces that allocator: there TurboFan compiles eagerly as it sees fit, still before the run.
 *
 * V8 has no per-module switch, so the process-wide flags change only around this synchronous
 * compile, and only those this V8 knows (v8-flag-defaults.ts: V8 prints an error for a flag it does
 * not know, and Node 22's has no --turbo-force-mid-tier-regalloc). Then each goes back to the
 * value it had: Node cannot read a flag's value, but nothing is changed when the user set any of
 * them (node's own flags; NODE_OPTIONS refuses them), so each still holds this V8's default, which
 * `node --v8-options` lists. During the compile, a JavaScript function another thread optimizes
 * also gets the mid-tier allocator (at start-up: the CLI's main thread and the lifecycle thread; a
 * second load thread waits). V8 keeps one compiled module per wire bytes for the whole process (a
 * second thread compiling the same bytes waits for the first) and hands it to undici's own
 * `new WebAssembly.Module` in every thread, for as long as it is alive. Should that ever miss,
 * undici compiles as before: a colder first second, nothing else.
 *
 * The bytes are the very ones undici's client parses with: the same files, bundled into the same
 * module of dist/ (bin/build-bundles.mjs) rather than read from the install's node_modules, which
 * could hold another undici (test/clients/http/parser-precompile.test.ts compares their hashes).
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { v8FlagDefaults, type FlagDefaults } from './v8-flag-defaults.js';

type Variant = 'llhttp_simd-wasm' | 'llhttp-wasm';

/**
 * require() of a literal name, as undici's lib/dispatcher/client-h1.js does: esbuild bundles the
 * same file as the same module. Not import: their module.exports is a Buffer, and ESM interop would
 * copy its 54,000 indices one property at a time. require exists in the bundles (their banner) and
 * under vitest; tsc's per-module output runs without one, and loads the installed files.
 */
function bytesOf(variant: Variant): Uint8Array {
  if (typeof require !== 'function') return createRequire(import.meta.url)(`undici/lib/llhttp/${variant}.js`) as Uint8Array;
  return (variant === 'llhttp_simd-wasm' ? require('undici/lib/llhttp/llhttp_simd-wasm.js') : require('undici/lib/llhttp/llhttp-wasm.js')) as Uint8Array;
}

/** Each flag the eager compile sets, and the value it sets it to. */
const EAGER_MID_TIER: ReadonlyArray<readonly [name: string, value: boolean]> = [
  ['liftoff', false],
  ['wasm-lazy-compilation', false],
  ['wasm-dynamic-tiering', false],
  ['turbo-force-mid-tier-regalloc', true],
];
/** A node or V8 flag that sets one of them (either spelling: V8 takes `_` for `-`). */
const PARSER_FLAG = /--(no[-_])?(liftoff|wasm[-_]lazy[-_]compilation|wasm[-_]dynamic[-_]tiering|turbo[-_]force[-_]mid[-_]tier[-_]regalloc)\b/;

/** Whether the user set any flag this compile changes: then it leaves V8's flags alone. */
export function setsParserFlags(commandLine: string): boolean {
  return PARSER_FLAG.test(commandLine);
}

/** How the precompile reaches V8: the flags it knows with their defaults, and the way to set one. */
export interface V8Flags {
  defaults: () => FlagDefaults;
  set: (flag: string) => void;
}

const PROCESS_V8: V8Flags = { defaults: () => v8FlagDefaults(), set: setFlagsFromString };

/** Kept for the life of the thread: V8 hands out a compiled module only while it is alive. */
const compiled = new Map<Variant, WebAssembly.Module>();

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Compiles llhttp as undici will pick it (SIMD when undiciUsesSimd, else or when SIMD fails to
 * compile the plain one). False when it did not (the user set one of the flags, or this node's
 * flags could not be listed): undici then compiles its own, as if this had never run.
 */
export function precompileHttpParser(env: Env = process.env, execArgv: readonly string[] = process.execArgv, v8: V8Flags = PROCESS_V8): boolean {
  if (setsParserFlags([env.NODE_OPTIONS ?? '', ...execArgv].join(' '))) return false;
  const choices: Variant[] = undiciUsesSimd(env) ? ['llhttp_simd-wasm', 'llhttp-wasm'] : ['llhttp-wasm'];
  return choices.some((variant) => compiled.has(variant) || compileEagerly(variant, v8));
}

/** undici's own choice (lib/dispatcher/client-h1.js, lazyllhttp): SIMD except on ppc64 before Node 24.12, or as UNDICI_NO_WASM_SIMD says. */
export function undiciUsesSimd(env: Env, arch: string = process.arch, nodeVersion: string = process.versions.node): boolean {
  if (env.UNDICI_NO_WASM_SIMD === '1') return false;
  if (env.UNDICI_NO_WASM_SIMD === '0' || arch !== 'ppc64') return true;
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 12);
}

/** `--name` or `--no-name`. */
const flag = (name: string, value: boolean) => (value ? `--${name}` : `--no-${name}`);

function compileEagerly(variant: Variant, v8: V8Flags): boolean {
  return withEagerFlags(v8, () => compiled.set(variant, new WebAssembly.Module(bytesOf(variant))));
}

/**
 * Runs `compile` with V8 set to compile eagerly with the mid-tier allocator, then sets each flag it
 * changed back to this V8's default. Only flags this V8 knows, and only those not already so; each
 * is a boolean, so its default is the opposite. False when the flags could not be listed (nothing
 * is set or compiled) or `compile` threw.
 */
export function withEagerFlags(v8: V8Flags, compile: () => void): boolean {
  const defaults = v8.defaults();
  if (defaults.size === 0) return false;
  const changes = EAGER_MID_TIER.filter(([name, value]) => defaults.has(name) && defaults.get(name) !== value);
  for (const [name, value] of changes) v8.set(flag(name, value));
  try {
    compile();
    return true;
  } catch {
    return false;
  } finally {
    for (const [name, value] of changes) v8.set(flag(name, !value));
  }
}
