/**
 * volley reaches inside three libraries (their private files and members), so package.json pins each
 * to the exact version the code was written and measured against, and the build bundles that one.
 * This fails when a pin is loosened or the installed version is another, saying what to re-check
 * before moving to another version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-root.js';

const RECHECK: Record<string, string> = {
  undici:
    "src/clients/http/undici-parts.ts (lib/dispatcher/client.js, lib/core/connect.js), bin/bundle-stubs/undici-client-h2.cjs, src/clients/http/parser-precompile.ts (the llhttp files and undiciUsesSimd against lib/dispatcher/client-h1.js) and exchange.ts's handler interface, then re-measure (benchmarks/README.md)",
  'hdr-histogram-js': 'src/metrics/hdr.ts (dist/Int32Histogram.js, dist/Float64Histogram.js and the internal members test/metrics/hdr-internals.test.ts checks)',
  yargs: 'src/cli/lean-yargs.ts (the factory, the platform shim, cacheHelpMessage) and the files bin/build-bundles.mjs bundles from yargs',
};

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const installed = (name: string) => (createRequire(join(REPO_ROOT, 'package.json'))(`${name}/package.json`) as { version: string }).version;

it.each(Object.entries(RECHECK))('%s is pinned to one exact version, and that version is installed', (name, recheck) => {
  const pinned = manifest.dependencies[name];
  expect(pinned, `package.json must pin ${name} to an exact version; before changing it, re-check ${recheck}`).toMatch(/^\d+\.\d+\.\d+$/);
  expect(installed(name), `${name} ${installed(name)} is installed, but volley was written for ${pinned}: run npm ci, or re-check ${recheck}`).toBe(pinned);
});
