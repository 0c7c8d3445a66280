/**
 * Installs missing Debian packages for the benchmarks' peers (nginx, wrk, nginx's echo module).
 *
 * Only as root, only what is missing, with `--no-install-recommends` so nothing else comes along,
 * and `apt-get update` at most once per run (a fresh machine has no package lists, and apt-get
 * install fails on it without one). Services do not start on install here: Debian containers ship
 * a policy-rc.d that forbids it, and without systemd there is nothing to start them.
 */
import { runChild, tail } from './child.mjs';
import { findExecutable } from './find-executable.mjs';

const APT_TIMEOUT_MS = 5 * 60_000;

/** The one `apt-get update` of this run, shared by every install that needs it. */
let updated;

/** Why apt cannot be used here, or null when it can. */
export function aptUnavailableReason() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not running as root';
  if (findExecutable('apt-get') === null) return 'apt-get not found';
  return null;
}

/**
 * Installs `pkg` with apt-get. Resolves to null on success, or to a one-line reason when it could
 * not (not root, no apt, apt failed), so the caller decides whether the peer was optional.
 */
export async function aptInstall(pkg, log) {
  const reason = aptUnavailableReason();
  if (reason !== null) return reason;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  updated ??= runChild('apt-get', ['update'], { env, timeoutMs: APT_TIMEOUT_MS });
  log(`bench: installing ${pkg} (apt-get install -y --no-install-recommends ${pkg})`);
  const update = await updated;
  if (update.code !== 0) log(`bench: apt-get update failed (trying the install anyway):\n${tail(update.stderr)}`);
  const install = await runChild('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
    env,
    timeoutMs: APT_TIMEOUT_MS,
  });
  if (install.code !== 0) return `apt-get install ${pkg} failed:\n${tail(install.stderr || install.stdout)}`;
  return null;
}
