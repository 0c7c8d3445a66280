/** The harness's scratch space, benchmarks/.work/ (gitignored): nginx run directories, summary exports. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORK_DIR = fileURLToPath(new URL('../.work/', import.meta.url));

/** A new private directory under WORK_DIR whose name starts with `prefix`. */
export function makeWorkDir(prefix) {
  mkdirSync(WORK_DIR, { recursive: true });
  return mkdtempSync(join(WORK_DIR, prefix));
}
