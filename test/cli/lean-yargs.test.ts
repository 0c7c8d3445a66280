/**
 * src/cli/lean-yargs.ts builds yargs from its internal factory with a platform shim of its own, and
 * patches an internal method (cacheHelpMessage). These check both against the installed yargs
 * (package.json pins it; bin/build-bundles.mjs bundles it), and that --help runs the same yargs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandFlags, createYargs, platformShim, type HelpParts, type YargsParts } from '../../src/cli/lean-yargs.js';
import { distFile } from '../../src/install-paths.js';

const yargsDir = dirname(createRequire(import.meta.url).resolve('yargs'));
const { version } = JSON.parse(readFileSync(join(yargsDir, 'package.json'), 'utf8')) as { version: string };
const RECHECK = `yargs ${version}: re-check src/cli/lean-yargs.ts (its platform shim, skipHelpCaching, commandFlags) and bin/build-bundles.mjs against this version`;

/** The member names of a shim, nested objects as `process.cwd`. */
function memberNames(shim: Record<string, unknown>): string[] {
  return Object.entries(shim)
    .flatMap(([key, value]) => (value && typeof value === 'object' && (key === 'process' || key === 'path' || key === 'assert') ? Object.keys(value).map((k) => `${key}.${k}`) : [key]))
    .sort();
}

describe("yargs' internals used by lean-yargs.ts", () => {
  it("gives yargs' factory every member yargs' own ESM platform shim has, and no other", async () => {
    const own = ((await import(pathToFileURL(join(yargsDir, 'lib', 'platform-shims', 'esm.mjs')).href)) as { default: Record<string, unknown> }).default;
    const parts = (await import(distFile('volley-yargs.js').href)) as YargsParts;
    const help = (await import(distFile('volley-yargs-help.js').href)) as HelpParts;
    expect(memberNames(platformShim(parts, help)), RECHECK).toEqual(memberNames(own));
  });

  it('runs a command without formatting any help (cacheHelpMessage is still the hook skipped)', async () => {
    const cli = await createYargs(['go']);
    let ran = false;
    // Were cacheHelpMessage renamed, yargs would format help after starting the handler, and the lean shim's cliui throws.
    const parse = async () => cli.command('go', 'a command', {}, () => void (ran = true)).strict().parseAsync();
    const failure = await parse().then(() => undefined, (err: unknown) => String(err));
    expect(failure, `${RECHECK}: a run formatted help`).toBeUndefined();
    expect(ran, RECHECK).toBe(true);
    const usage = (cli as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage?: unknown } } }).getInternalMethods().getUsageInstance();
    expect(typeof usage.cacheHelpMessage, `${RECHECK}: yargs' usage instance has no cacheHelpMessage`).toBe('function');
  });

  it("lists the running command's flags and aliases through getOptions() (main.ts ignores VOLLEY_ variables that name none)", async () => {
    const cli = await createYargs(['go']);
    let flags: string[] | undefined;
    await cli
      .command('go', 'a command', (y) => y.option('summary-export', { type: 'string', alias: 'x' }), () => void (flags = commandFlags(cli)))
      .parseAsync();
    expect(flags, `${RECHECK}: getOptions() is gone or changed its shape`).toEqual(expect.arrayContaining(['summary-export', 'x']));
  });
});

describe('createYargs', () => {
  it('builds --help from the same yargs as a run, and formats the help text', async () => {
    const run = await createYargs(['run', 'x.ts']);
    const help = await createYargs(['--help']);
    expect(Object.getPrototypeOf(help)).toBe(Object.getPrototypeOf(run));
    const text = await help.scriptName('volley').command('run <script>', 'run a scenario').getHelp();
    expect(text).toContain('volley run <script>');
    expect(text).toMatch(/--help\s+Show help/);
  });
});
