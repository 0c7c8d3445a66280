/**
 * Reading the target of an output that writes a file: the name checked before the run (its folder
 * exists and takes new files: writable-file.ts), resolved against the working directory, and the
 * query string holding only options the output knows.
 */
import { resolve } from 'node:path';
import type { ConfigIssue } from '../errors.js';
import type { OutputTarget } from './output.js';
import { unwritableFile } from './writable-file.js';

/** The absolute path `target` names, or undefined (with the problem in `issues`) when it is missing or cannot be written. */
export function outputFile(target: OutputTarget, issues: ConfigIssue[], usage: string): string | undefined {
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
