/**
 * Reading the target of an output that writes a file: the name checked before the run (its folder
 * exists and takes new files: writable-file.ts), resolved against the working directory, and the
 * query string holding only options the output knows.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ConfigIssue } from '../errors.js';
import type { OutputFactory, OutputTarget } from './output.js';
import { unwritableFile } from './writable-file.js';

/**
 * The factory of an output that writes one file: `make(path)` when the target names a writable file
 * and has no option outside `known`; else undefined, with the problems in `issues`.
 */
export function fileOutput(target: OutputTarget, issues: ConfigIssue[], usage: string, known: readonly string[], make: (path: string) => OutputFactory | undefined): OutputFactory | undefined {
  const knownOnly = checkOptionNames(target, known, issues);
  const path = outputFile(target, issues, usage);
  return path === undefined || !knownOnly ? undefined : make(path);
}

/** Writes a whole result file at the end; a failure is one message naming the output and the file. */
export async function writeResultFile(path: string, content: string, what: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (err) {
    throw new Error(`${what}: cannot write ${path} (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The absolute path `target` names, or undefined (with the problem in `issues`) when it is missing or cannot be written. */
function outputFile(target: OutputTarget, issues: ConfigIssue[], usage: string): string | undefined {
  if (target.value === '') {
    issues.push({ path: target.flag, message: `needs a file: ${usage}` });
    return undefined;
  }
  const issue = unwritableFile(target.flag, target.value, target.cwd);
  if (issue) issues.push(issue);
  return issue ? undefined : resolve(target.cwd, target.value);
}

/** Each option of the query string that is not in `known` is an issue naming the known ones; true when there is none. */
export function checkOptionNames(target: OutputTarget, known: readonly string[], issues: ConfigIssue[]): boolean {
  const unknown = [...new Set(target.options.keys())].filter((name) => !known.includes(name));
  const takes = known.length ? `it takes ${known.join(', ')}` : 'it takes none (a ? in a file name starts the options)';
  for (const name of unknown) issues.push({ path: target.flag, message: `unknown option ${JSON.stringify(name)}; ${takes}` });
  return unknown.length === 0;
}
