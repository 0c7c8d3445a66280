/** Writes a scenario into a scratch folder (outside the repo) and returns its path. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

export async function scenarioFile(source: string, name = 'scenario.ts'): Promise<{ dir: string; path: string }> {
  const dir = await tempDir();
  const path = join(dir, name);
  await writeFile(path, source);
  return { dir, path };
}
