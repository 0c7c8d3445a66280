#!/usr/bin/env node
// The one entry point: loads the bundles in dist/ (made by `npm ci` via prepare, and by `npm test` via pretest).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/volley-cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('volley is not built: run `npm run build` (npm ci does it for you)');
  process.exit(103);
}
// Start the worker threads a run will need first, so their start-up overlaps the CLI's own.
const { warmStart } = await import(new URL('../dist/volley-warm-start.js', import.meta.url).href);
warmStart(process.argv.slice(2));
await import(cli.href);
