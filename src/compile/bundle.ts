/**
 * Compiles a scenario once with esbuild: TypeScript, its relative imports and its npm packages in one
 * ESM file with a linked source map (so stack traces point at the user's file and line). `volley`,
 * `volley/ws` and `volley/grpc` stay external and resolve to this installation's built modules, so
 * every VU of a worker shares one runtime, wherever on disk the scenario lives.
 */
import type { Message, Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, ScriptError } from '../errors.js';
import { DIST_URL } from '../install-paths.js';

// esbuild is CommonJS: require() loads it as is, where an ESM import first has Node scan its 100 KB
// of source for export names (cjs-module-lexer), on the start-up path of every run.
const { build } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');

/** The scenario-API entry points and the built files they map to (relative to dist/). */
const API_ENTRIES: Record<string, string> = { volley: 'api/index.js', 'volley/ws': 'api/ws.js', 'volley/grpc': 'api/grpc.js' };
const DIST = fileURLToPath(DIST_URL);

// CommonJS packages inside an ESM bundle call require(); give them one.
const CJS_BANNER = "import { createRequire as __volleyCreateRequire } from 'node:module'; const require = __volleyCreateRequire(import.meta.url);";

export interface CompiledScenario {
  /** Absolute path of the scenario as given by the user. */
  scriptPath: string;
  /** Absolute path of the bundle (ESM, with a .map beside it). */
  bundlePath: string;
  compileMs: number;
  /** Removes the bundle's temporary folder. */
  dispose(): Promise<void>;
}

/** Bundles the scenario; a missing file → ConfigError (104), a compile error → ScriptError (107) with file:line:col. */
export async function bundleScenario(script: string, cwd: string): Promise<CompiledScenario> {
  const scriptPath = resolve(cwd, script);
  if (!existsSync(scriptPath) || !statSync(scriptPath).isFile()) {
    throw new ConfigError([{ path: 'SCRIPT', message: `the script file ${script} does not exist` }], 'check the path: volley run path/to/scenario.ts');
  }
  const started = performance.now();
  const outDir = await mkdtemp(join(tmpdir(), 'volley-'));
  const bundlePath = join(outDir, 'scenario.mjs');
  try {
    await build({
      entryPoints: [scriptPath],
      outfile: bundlePath,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      banner: { js: CJS_BANNER },
      plugins: [volleyExternal()],
      logLevel: 'silent',
      absWorkingDir: cwd,
    });
  } catch (err) {
    await rm(outDir, { recursive: true, force: true });
    throw compileError(err, cwd);
  }
  return { scriptPath, bundlePath, compileMs: performance.now() - started, dispose: () => rm(outDir, { recursive: true, force: true }) };
}

function volleyExternal(): Plugin {
  return {
    name: 'volley-external',
    setup(b) {
      b.onResolve({ filter: /^volley(\/.*)?$/ }, (args) => {
        const target = API_ENTRIES[args.path];
        if (!target) return { errors: [{ text: `"${args.path}" is not a volley module; use one of ${Object.keys(API_ENTRIES).join(', ')}` }] };
        return { path: pathToFileURL(join(DIST, target)).href, external: true };
      });
    },
  };
}

function compileError(err: unknown, cwd: string): ScriptError {
  const errors = (err as { errors?: Message[] }).errors;
  if (!errors?.length) return new ScriptError(`could not compile the script: ${String(err)}`);
  const lines = errors.map((m) => {
    const loc = m.location;
    if (!loc) return `error: ${m.text}`;
    const file = relative(cwd, resolve(cwd, loc.file)) || loc.file;
    return `${file}:${loc.line}:${loc.column + 1}: error: ${m.text}\n    ${loc.lineText}\n    ${' '.repeat(loc.column)}^`;
  });
  return new ScriptError(`the script does not compile:\n${lines.join('\n')}`);
}
