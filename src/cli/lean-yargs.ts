/**
 * The one yargs volley runs: built from yargs' own factory and a platform shim like yargs' own
 * (lib/platform-shims/esm.mjs), out of the pinned yargs bundled into dist/ (bin/build-bundles.mjs),
 * for every command line, `--help` included. Only the help formatting differs: yargs' ESM entry
 * loads cliui and string-width (≈ 60 ms of the main thread here, most of it string-width building
 * its Unicode tables), which only help text uses, so they are bundled apart and loaded only when
 * the command line asks for help. Errors never print help (main.ts's `.fail` throws), and the help
 * yargs formats ahead of time is skipped (skipHelpCaching), so a run never asks for them.
 *
 * The factory, the shim, cacheHelpMessage and getOptions are yargs internals: test/cli/lean-yargs.test.ts
 * checks them against the installed yargs.
 */
import { createRequire } from 'node:module';
import { notStrictEqual, strictEqual } from 'node:assert';
import { inspect } from 'node:util';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type yargsType from 'yargs';
import { PACKAGE_ROOT, distFile } from '../install-paths.js';

type YargsFn = typeof yargsType;
type Yargs = ReturnType<YargsFn>;

/** dist/volley-yargs.js: yargs' factory and what its platform shim needs (typed only as far as it is used here). */
export interface YargsParts {
  YargsFactory: (shim: object) => YargsFn;
  getProcessArgvBin: () => string;
  Parser: unknown;
  y18n: (options: { directory: string; updateFiles: boolean }) => unknown;
  escalade: unknown;
  getCallerFile: (position?: number) => string;
}

/** dist/volley-yargs-help.js: what only help text needs. */
export interface HelpParts {
  cliui: unknown;
  stringWidth: unknown;
}

/** Whether the command line asks for help (then the help formatting is loaded). */
export function asksForHelp(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--help' || a === '-h');
}

/** A yargs instance for `argv`, built from the bundled yargs. */
export async function createYargs(argv: string[]): Promise<Yargs> {
  const [parts, help] = await Promise.all([
    import(distFile('volley-yargs.js').href) as Promise<YargsParts>,
    asksForHelp(argv) ? (import(distFile('volley-yargs-help.js').href) as Promise<HelpParts>) : undefined,
  ]);
  const cli = parts.YargsFactory(platformShim(parts, help))(argv);
  skipHelpCaching(cli);
  return cli;
}

/**
 * The running command's flags and their aliases, from yargs' getOptions() (which its type
 * declarations leave out); undefined when this yargs has none (the pinned one has: a test checks).
 */
export function commandFlags(cli: Yargs): string[] | undefined {
  const options = (cli as unknown as { getOptions?: () => { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions?.();
  return options && [...Object.keys(options.key), ...Object.values(options.alias).flat()];
}

/** yargs' own ESM shim, member for member, with volley's package as the app and the help parts only when given. */
export function platformShim(parts: YargsParts, help: HelpParts | undefined): Record<string, unknown> {
  const helpOnly = (what: string) => () => {
    throw new Error(`${what} is only loaded for --help`);
  };
  const root = fileURLToPath(PACKAGE_ROOT);
  return {
    assert: { notStrictEqual, strictEqual },
    cliui: help?.cliui ?? helpOnly('cliui'),
    findUp: parts.escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin: parts.getProcessArgvBin,
    // yargs reads the app's package.json from here up: volley's own, not the user's project.
    mainFilename: root,
    Parser: parts.Parser,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null,
    },
    readFileSync,
    readdirSync,
    require: createRequire(new URL('package.json', PACKAGE_ROOT)),
    getCallerFile: () => {
      const file = parts.getCallerFile(3);
      return file.startsWith('file://') ? fileURLToPath(file) : file;
    },
    stringWidth: help?.stringWidth ?? helpOnly('string-width'),
    // yargs' translations, copied beside the bundle at build time.
    y18n: parts.y18n({ directory: fileURLToPath(distFile('volley-yargs-locales')), updateFiles: false }),
  };
}

/**
 * yargs formats the whole help text after starting a command's handler (≈ 75 ms of the main
 * thread, in case the handler fails later and the failure prints help). Ours throws instead of
 * printing help (main.ts's `.fail`), and `--help` formats it on demand, so the cache is never read.
 */
function skipHelpCaching(cli: Yargs): void {
  const internals = (cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
}
