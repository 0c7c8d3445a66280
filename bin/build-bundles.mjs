#!/usr/bin/env node
/**
 * The second half of `npm run build` (after tsc): bundles what runs at start-up into a few files in
 * dist/, so a `volley run` loads 4–8 files per thread instead of ~200 modules, each resolved, read
 * and compiled on its own (the start-up benchmark's `cli` and `workers ready` phases).
 *
 *   dist/volley-warm-start.js   bin/volley.mjs starts the threads and the compile with it first
 *   dist/volley-cli.js          the CLI (main thread)
 *   dist/volley-load-worker.js  a load worker thread
 *   dist/volley-lifecycle.js    the lifecycle thread (setup, teardown, handleSummary)
 *   dist/volley-chunk-*.js      code shared by them, and what they import lazily
 *   dist/volley-yargs.js        the parts of yargs src/cli/lean-yargs.ts builds yargs from
 *   dist/volley-yargs-help.js   what only --help needs of yargs (cliui, string-width)
 *   dist/volley-yargs-locales/  yargs' translations, which it reads at run time
 *
 * Everything lands directly in dist/, one level below the package root, as src/install-paths.ts
 * requires. tsc's per-module output stays beside it: it is the scenario API (`volley`), the type
 * declarations, and what tests import. Packages are bundled too, except esbuild (it finds its own
 * binary next to its files), and yargs is bundled on its own (volley-yargs*.js, lean-yargs.ts says
 * why): a run uses the pinned versions' files, not whatever the install's node_modules holds (the
 * private files of undici, hdr-histogram-js and yargs included; a moved one fails this build).
 * undici's HTTP/2 client is replaced by a stub (bin/bundle-stubs/undici-client-h2.cjs): volley
 * never offers h2, and the real module loads http2, tls and crypto in every thread (≈ 10 ms and
 * 0.8 MB per load thread).
 */
import { build } from 'esbuild';
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');

// Chunk names carry a content hash: the previous build's would otherwise pile up.
for (const name of readdirSync(dist)) if (name.startsWith('volley-')) rmSync(join(dist, name), { recursive: true });

/** undici's HTTP/2 client, which volley never uses, replaced by the stub that says so. */
let http2Stubbed = 0;
const withoutHttp2 = {
  name: 'undici-without-http2',
  setup(b) {
    const stub = join(root, 'bin', 'bundle-stubs', 'undici-client-h2.cjs');
    b.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) => {
      if (!/[\\/]undici[\\/]lib[\\/]dispatcher$/.test(args.resolveDir)) return undefined;
      http2Stubbed++;
      return { path: stub };
    });
  },
};

/** What every bundle shares: ESM for Node 20, sources mapped, quiet unless something is wrong. */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages inside an ESM bundle call require(); give every output file one.
  banner: { js: "import { createRequire as __volleyRequire } from 'node:module'; const require = __volleyRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [withoutHttp2],
};

await build({
  ...common,
  entryPoints: {
    'volley-warm-start': 'src/cli/warm-start.ts',
    'volley-cli': 'src/cli/main.ts',
    'volley-load-worker': 'src/worker/entry.ts',
    'volley-lifecycle': 'src/lifecycle/entry.ts',
  },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'volley-chunk-[hash]',
  splitting: true,
  // The gRPC packages load from node_modules, only once a scenario speaks gRPC: the health and
  // reflection services find their .proto files beside their own modules (__dirname), and one copy
  // of grpc-js and protobufjs serves both them and the scenario's `volley/grpc`.
  external: ['esbuild', '@grpc/grpc-js', '@grpc/proto-loader', '@grpc/reflection', 'grpc-health-check'],
});
if (http2Stubbed === 0) {
  throw new Error("undici's lib/dispatcher/client.js no longer requires ./client-h2.js: re-check bin/bundle-stubs/undici-client-h2.cjs against this undici");
}

// yargs' factory and the packages its platform shim takes, in one file instead of ≈ 28 modules,
// each resolved and read on its own (≈ 40 ms of the main thread); what only help text needs in a
// second one (lean-yargs.ts says why). Relative paths from yargs' own folder reach files its
// exports map does not list; should an update move them, this build fails.
const yargsDir = dirname(createRequire(import.meta.url).resolve('yargs'));
const fromYargs = (outfile, lines) => build({ ...common, stdin: { resolveDir: yargsDir, contents: lines.join('\n') }, outfile });
await fromYargs('dist/volley-yargs.js', [
  "export { YargsFactory } from './build/lib/yargs-factory.js';",
  "export { getProcessArgvBin } from './build/lib/utils/process-argv.js';",
  "export { default as Parser } from 'yargs-parser';",
  "export { default as y18n } from 'y18n';",
  "export { default as escalade } from 'escalade/sync';",
  "export { default as getCallerFile } from 'get-caller-file';",
]);
await fromYargs('dist/volley-yargs-help.js', ["export { default as cliui } from 'cliui';", "export { default as stringWidth } from 'string-width';"]);
cpSync(join(yargsDir, 'locales'), join(dist, 'volley-yargs-locales'), { recursive: true });

// V8 keeps every loaded script's source in each thread's heap, at one byte per character only if
// all of them are Latin-1. esbuild escapes non-ASCII in strings but not in regular expressions or
// the comments it keeps, and one '≈' in a comment made undici's 500 KB chunk take 1 MB in every
// thread. \uXXXX (per UTF-16 unit) means the same character in a string, a regular expression (with
// or without the u flag) and an identifier, and still reads in a comment.
for (const name of readdirSync(dist)) {
  if (!name.startsWith('volley-') || !name.endsWith('.js')) continue;
  const file = join(dist, name);
  const text = readFileSync(file, 'utf8');
  // After a backslash the escape would change meaning (an escaped character becomes a backslash).
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${name}: a backslash before a non-ASCII character; escape it in the source`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
