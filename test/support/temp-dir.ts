/**
 * Scratch folders for tests, in the OS temp dir rather than the repo: a scenario run there cannot
 * resolve the repo's node_modules by accident, as a user's scenario could not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** Creates an empty folder that is removed when the current test finishes. Call it inside a test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'volley-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
