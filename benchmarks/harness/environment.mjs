/** One line describing where figures were taken, printed first so pasted results carry their context. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** `2026-11-24 10:15  node v20.20.0  2 × Intel(R) Xeon(R) …  volley 1a2b3c4 (dirty)` */
export function describeEnvironment() {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `${when} UTC  node ${process.version}  ${cores.length} × ${model}  volley ${gitRevision()}`;
}

function gitRevision() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return dirty.trim() ? `${rev} (uncommitted changes)` : rev;
  } catch {
    return '(no git)';
  }
}
