/**
 * yargs without its help-text formatting: yargs' ESM entry loads cliui and string-width (≈ 60 ms of
 * the main thread here, most of it string-width building its Unicode tables), which only help text
 * uses. For every command line that does not ask for help, this builds yargs from its own factory
 * with the same platform shim minus those two; `--help` gets the full yargs. Errors never print
 * help (main.ts's `.fail` throws), so the lean instance is never asked to format any.
 * If yargs' layout changes (an update), it falls back to the full yargs.
 */
import { createRequire } from 'node:module';
import { notStrictEqual, strictEqual } from 'node:assert';
import { inspect } from 'node:util';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type yargsType from 'yargs';

type YargsFn = typeof yargsType;

/** The yargs function: lean unless `argv` asks for help. */
export async function loadYargs(argv: readonly string[]): Promise<YargsFn> {
  if (!argv.some((a) => a === '--help' || a === '-h')) {
    const lean = await leanYargs().catch(() => undefined);
    if (lean) return lean;
  }
  return (await import('yargs')).default;
}

async function leanYargs(): Promise<YargsFn> {
  const index = fileURLToPath(import.meta.resolve('yargs'));
  const fromYargs = createRequire(index);
  const at = (path: string) => pathToFileURL(join(dirname(index), path)).href;
  const dep = (name: string) => pathToFileURL(fromYargs.resolve(name)).href;
  const [{ YargsFactory }, { getProcessArgvBin }, parser, y18n, escalade, callerFile] = await Promise.all([
    import(at('build/lib/yargs-factory.js')),
    import(at('build/lib/utils/process-argv.js')),
    import(dep('yargs-parser')),
    import(dep('y18n')),
    import(dep('escalade/sync')),
    import(dep('get-caller-file')),
  ]);
  const helpOnly = (what: string) => () => {
    throw new Error(`${what} is only loaded for --help`);
  };
  const mainFilename = index.substring(0, index.lastIndexOf('node_modules'));
  const shim = {
    assert: { notStrictEqual, strictEqual },
    cliui: helpOnly('cliui'),
    findUp: escalade.default ?? escalade,
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin,
    mainFilename: mainFilename || process.cwd(),
    Parser: parser.default ?? parser,
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
    require: fromYargs,
    getCallerFile: () => {
      const file: string = (callerFile.default ?? callerFile)(3);
      return file.startsWith('file://') ? fileURLToPath(file) : file;
    },
    stringWidth: helpOnly('string-width'),
    y18n: (y18n.default ?? y18n)({ directory: resolve(dirname(index), 'locales'), updateFiles: false }),
  };
  return YargsFactory(shim) as YargsFn;
}
