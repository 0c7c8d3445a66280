/**
 * Every file a flag names (`--summary-export`, `--out json=`, …) is checked before anything runs, so
 * a run of many minutes cannot end by failing to write its results: the file's folder must exist
 * and take new files, and the file, when it exists, must be a file volley may write. Nothing is
 * created or truncated here; the writers report what still fails at the end.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigIssue } from '../errors.js';

/** The problem with writing `path` (relative to `cwd`) for `flag`, or undefined when it can be written. */
export function unwritableFile(flag: string, path: string, cwd: string): ConfigIssue | undefined {
  if (path === '') return { path: flag, message: 'needs a file name' };
  const file = resolve(cwd, path);
  const folder = dirname(file);
  const problem = (message: string): ConfigIssue => ({ path: flag, message: `cannot write ${file}: ${message}` });
  const existing = statOf(file);
  if (existing?.isDirectory()) return problem('it is a folder');
  if (existing) return writable(file) ? undefined : problem('it is not writable');
  const parent = statOf(folder);
  if (!parent) return problem(`the folder ${folder} does not exist`);
  if (!parent.isDirectory()) return problem(`${folder} is not a folder`);
  return writable(folder) ? undefined : problem(`the folder ${folder} is not writable`);
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // missing, or a file where a folder should be (ENOTDIR): the caller says which
  }
}

/** W_OK as the kernel answers for this process (root, too, is refused on a read-only file system). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
