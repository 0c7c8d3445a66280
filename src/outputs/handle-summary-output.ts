/**
 * The files handleSummary returned (every name but `stdout` and `stderr`), relative to the working
 * directory, their folders created (the script names them only at the end). A file that cannot be
 * written is the script's error (107): one line each, and the others are still written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ScriptError } from '../errors.js';
import type { OutputKind, RunEnd } from './output.js';

export const handleSummaryOutput: OutputKind = {
  name: 'handleSummary',
  selectedBy: { always: true },
  parse: () => (start) => ({ finish: (end) => writeFiles(end, start.io.cwd) }),
};

async function writeFiles({ custom }: RunEnd, cwd: string): Promise<void> {
  const failed: string[] = [];
  for (const [target, content] of Object.entries(custom?.files ?? {})) {
    if (target === 'stdout' || target === 'stderr') continue;
    const path = resolve(cwd, target);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    } catch (err) {
      failed.push(`handleSummary: cannot write ${path} (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  if (failed.length) throw new ScriptError(failed.join('\n'));
}
