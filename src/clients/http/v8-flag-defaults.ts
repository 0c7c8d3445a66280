/**
 * The boolean V8 flags the running node knows, each with its default, as V8 itself lists them in
 * `node --v8-options`, cached per Node version. Node can neither ask V8 whether a flag exists nor
 * read a flag's value, and setting a flag V8 does not know makes V8 print two error lines on stderr
 * (`Error: unrecognized flag …`, written by V8, which nothing in JavaScript can catch): Node 22
 * dropped `--turbo-force-mid-tier-regalloc`, which Node 20 has.
 *
 * Listing the flags takes a child process (≈ 40 ms, once per Node version and machine); the cache
 * is a JSON file under $XDG_CACHE_HOME/volley (else ~/.cache/volley), written whole or not at all.
 * A cache that cannot be read or written only costs that child process again.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A flag's name (dashes, no `--`) → its default. */
export type FlagDefaults = ReadonlyMap<string, boolean>;

type Env = Readonly<Record<string, string | undefined>>;

/** $XDG_CACHE_HOME/volley, else ~/.cache/volley. */
export function cacheDir(env: Env = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'volley');
}

/** This node's boolean V8 flags and their defaults: cached, else listed (and cached). Empty when they cannot be listed. */
export function v8FlagDefaults(dir: string = cacheDir()): FlagDefaults {
  const file = join(dir, `v8-flags-${process.version}-${process.arch}-v8-${process.versions.v8}.json`);
  const cached = readCache(file);
  if (cached) return cached;
  const listed = listV8Options();
  if (listed === undefined) return new Map();
  const defaults = parseV8Options(listed);
  writeCache(dir, file, defaults);
  return defaults;
}

/**
 * Reads the boolean flags out of `node --v8-options`, where each flag is listed as
 *   `  --liftoff (enable Liftoff, the baseline compiler for WebAssembly)`
 *   `        type: bool  default: --liftoff`      (`default: --no-liftoff` when off)
 */
export function parseV8Options(text: string): Map<string, boolean> {
  const defaults = new Map<string, boolean>();
  for (const [, name, no] of text.matchAll(/^ +--([\w-]+)[^\n]*\n +type: bool +default: --(no-)?\1\b/gm)) defaults.set(name!, !no);
  return defaults;
}

/** The same binary's flag list, without the user's NODE_OPTIONS (which cannot change a default anyway). */
function listV8Options(): string | undefined {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawnSync(process.execPath, ['--v8-options'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return child.status === 0 && child.stdout ? child.stdout : undefined;
}

function readCache(file: string): FlagDefaults | undefined {
  try {
    const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
    if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'boolean')) return undefined;
    return new Map(entries as [string, boolean][]);
  } catch {
    return undefined;
  }
}

/** Written beside, then renamed over: several load threads may list and write at once, and none reads half a file. */
function writeCache(dir: string, file: string, defaults: FlagDefaults): void {
  if (defaults.size === 0) return;
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, JSON.stringify(Object.fromEntries(defaults)));
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true }); // not cached: the next thread lists them again
  }
}
