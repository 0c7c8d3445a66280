/**
 * yargs without its help-text formatting: yargs' ESM entry loads cliui and string-width (≈ 60 ms of
 * the main thread here, most of it string-width building its Unicode tables), which only help text
 * uses. For every command line that does not ask for help, this builds yargs from its own factory
 * with the same platform shim minus those two; `--help` gets the full yargs. Errors never print
 * help (main.ts's `.fail` throws), so the lean instance is never asked to format any. The factory
 * and the shim's packages come bundled in one file, dist/volley-yargs.js (bin/build-bundles.mjs);
 * should that fail to load, the full yargs does the job.
 */
import { createRequire } from 'node:module';
import { notStrictEqual, strictEqual } from 'node:assert';
import { inspect } from 'node:util';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type yargsType from 'yargs';
import { distFile } from '../install-paths.js';

type YargsFn = typeof yargsType;

/** dist/volley-yargs.js: what the platform shim needs (typed only as far as it is used here). */
interface YargsParts {
  YargsFactory: (shim: object) => YargsFn;
  getProcessArgvBin: () => string;
  Parser: unknown;
  y18n: (options: { directory: string; updateFiles: boolean }) => unknown;
  escalade: unknown;
  getCallerFile: (position?: number) => string;
}

/** The yargs function: lean unless `argv` asks for help. */
export async function loadYargs(argv: readonly string[]): Promise<YargsFn> {
  if (!argv.some((a) => a === '--help' || a === '-h')) {
    const lean = await leanYargs().catch(() => undefined);
    if (lean) return lean;
  }
  return (await import('yargs')).default;
}

async function leanYargs(): Promise<YargsFn> {
  const { YargsFactory, getProcessArgvBin, Parser, y18n, escalade, getCallerFile } = (await import(distFile('volley-yargs.js').href)) as YargsParts;
  const index = fileURLToPath(import.meta.resolve('yargs'));
  const helpOnly = (what: string) => () => {
    throw new Error(`${what} is only loaded for --help`);
  };
  const mainFilename = index.substring(0, index.lastIndexOf('node_modules'));
  const shim = {
    assert: { notStrictEqual, strictEqual },
    cliui: helpOnly('cliui'),
    findUp: escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser,
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
    require: createRequire(index),
    getCallerFile: () => {
      const file = getCallerFile(3);
      return file.startsWith('file://') ? fileURLToPath(file) : file;
    },
    stringWidth: helpOnly('string-width'),
    y18n: y18n({ directory: resolve(dirname(index), 'locales'), updateFiles: false }),
  };
  return YargsFactory(shim);
}
