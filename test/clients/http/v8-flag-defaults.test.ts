import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, parseV8Options, v8FlagDefaults } from '../../../src/clients/http/v8-flag-defaults.js';
import { tempDir } from '../../support/temp-dir.js';

const LISTING = `Options:
  --liftoff (enable Liftoff, the baseline compiler for WebAssembly)
        type: bool  default: --liftoff
  --turbo-force-mid-tier-regalloc (always use the mid-tier register allocator (for testing))
        type: bool  default: --no-turbo-force-mid-tier-regalloc
  --concurrent-maglev-max-threads (max number of threads that concurrent Maglev can use (0 for unbounded))
        type: uint  default: --concurrent-maglev-max-threads=2
`;

describe('parseV8Options', () => {
  it('reads each boolean flag with its default, and nothing else', () => {
    expect(parseV8Options(LISTING)).toEqual(new Map([['liftoff', true], ['turbo-force-mid-tier-regalloc', false]]));
  });
});

describe('v8FlagDefaults', () => {
  it("lists the running node's flags: the ones the precompile sets are known, an invented one is not", async () => {
    const defaults = v8FlagDefaults(await tempDir());
    expect(defaults.get('liftoff')).toBe(true);
    expect(defaults.get('wasm-dynamic-tiering')).toBe(true);
    expect(defaults.has('no-such-flag-anywhere')).toBe(false);
  });

  it('caches them per Node version, and then reads the cache instead of listing again', async () => {
    const dir = await tempDir();
    v8FlagDefaults(dir);
    const [file, ...others] = readdirSync(dir);
    expect(file).toContain(process.version);
    expect(others).toEqual([]); // no partial file left behind
    writeFileSync(join(dir, file!), JSON.stringify({ liftoff: false }));
    expect(v8FlagDefaults(dir)).toEqual(new Map([['liftoff', false]]));
  });

  it('lists again when the cache is unreadable', async () => {
    const dir = await tempDir();
    v8FlagDefaults(dir);
    writeFileSync(join(dir, readdirSync(dir)[0]!), '{"liftoff": "yes"');
    expect(v8FlagDefaults(dir).get('liftoff')).toBe(true);
  });

  it('keeps its cache under XDG_CACHE_HOME when set, else ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/var/cache/me' })).toBe('/var/cache/me/volley');
    expect(cacheDir({})).toMatch(/[\\/]\.cache[\\/]volley$/);
  });
});
