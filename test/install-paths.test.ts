import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIST_URL, PACKAGE_ROOT, distFile } from '../src/install-paths.js';
import { LIFECYCLE_ENTRY, LOAD_WORKER_ENTRY } from '../src/coordinator/warm-threads.js';
import { REPO_ROOT } from './support/repo-root.js';

describe('install paths', () => {
  it('finds the package root and dist/ from src/ (and so from dist/ and its bundles, one level down too)', () => {
    expect(fileURLToPath(PACKAGE_ROOT).replace(/\/$/, '')).toBe(REPO_ROOT);
    expect(fileURLToPath(DIST_URL)).toBe(join(REPO_ROOT, 'dist') + '/');
    expect((JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { name: string }).name).toBe('volley');
  });

  it('points the threads at bundles the build wrote (npm test builds first)', () => {
    for (const entry of [LIFECYCLE_ENTRY, LOAD_WORKER_ENTRY, distFile('volley-cli.js'), distFile('volley-warm-start.js')]) {
      expect(existsSync(entry), fileURLToPath(entry)).toBe(true);
    }
  });

  it('is the only module that derives a file location from its own URL (a bundle moves modules)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('install-paths.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/new URL\([^)]*import\.meta\.url|fileURLToPath\(import\.meta\.url\)/.test(text)) offenders.push(path);
        }
      }
    };
    walk(join(REPO_ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});
