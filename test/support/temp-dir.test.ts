import { access, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './repo-root.js';
import { tempDir } from './temp-dir.js';

let created: string | undefined;

describe('tempDir', () => {
  it('creates a writable folder in the OS temp dir, outside the repo', async () => {
    created = await tempDir();
    await writeFile(join(created, 'f.txt'), 'x');
    expect(created.startsWith(tmpdir())).toBe(true);
    expect(created.startsWith(REPO_ROOT)).toBe(false);
  });

  it('removes the folder once the test that made it finishes', async () => {
    expect(created).toBeDefined();
    await expect(access(created!)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
