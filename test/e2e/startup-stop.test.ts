/**
 * ^C before the load starts (the script's init code, setup()) ends volley with 105 within 2 s, even
 * when that code never yields: the threads running it are ended, not waited for.
 */
import { expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signalAndWait, spawnVolley } from '../support/run-volley.js';
import { tempDir } from '../support/temp-dir.js';

const options = `export const options = { vus: 1, duration: '2s' };\nexport default async function () {}\n`;

it.each([
  ['a top-level await that never resolves', `console.log('init began');\nawait new Promise(() => {});`],
  ['a busy loop at the top level', `console.log('init began');\nfor (;;) {}`],
  ['a busy loop in setup()', `export function setup() { console.log('init began'); for (;;) {} }`],
  // The lifecycle thread evaluates the script first and leaves a marker; the load thread then hangs.
  [
    "a load thread's init that never ends",
    `import { existsSync, writeFileSync } from 'node:fs';
const marker = ${JSON.stringify('MARKER')};
if (existsSync(marker)) { console.log('init began'); for (;;) {} }
writeFileSync(marker, '');`,
  ],
])('^C during %s exits 105 within 2 s', async (_, init) => {
  const dir = await tempDir();
  const path = join(dir, 'scenario.ts');
  await writeFile(path, `${options}${init.replace('MARKER', join(dir, 'marker'))}\n`);
  const proc = spawnVolley(['run', path], { timeoutMs: 20_000 });
  await proc.waitForOutput('init began', 'stderr');
  const { res, ms } = await signalAndWait(proc);
  expect(res.code, res.stderr).toBe(105);
  expect(ms).toBeLessThan(2000);
});
