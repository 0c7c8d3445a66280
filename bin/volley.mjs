#!/usr/bin/env node
// The one entry point: loads the build in dist/ (made by `npm ci` via prepare, and by `npm test` via pretest).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('volley is not built: run `npm run build` (npm ci does it for you)');
  process.exit(103);
}
// Start the worker threads a run will need first, so their start-up overlaps the CLI's own.
const { warmStart } = await import(new URL('../dist/cli/warm-start.js', import.meta.url).href);
warmStart(process.argv.slice(2));
await import(main.href);
