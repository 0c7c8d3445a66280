/**
 * Process-wide cleanup for the children the harness starts (nginx, load generators).
 *
 * A benchmark can be left in many ways: normal end, a thrown error, ^C (SIGINT), SIGTERM from CI or
 * a timeout wrapper. In each case the processes this run started must go, and only those: every
 * child is registered here and signalled by its own pid, never by name. The registry is
 * module-level state on purpose: signal handlers are process-wide, so there is exactly one.
 */

/** pid → the ChildProcess, for the children still running. */
const children = new Map();
/** Synchronous clean-ups (temporary directories) run after the children are signalled. */
const hooks = new Set();
let installed = false;
let stopping = false;

/** Signals the harness treats as "stop everything", with the exit code a shell expects. */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
/** How long a signalled child gets to exit (and be reaped by us, leaving no zombie) before SIGKILL. */
const GRACE_MS = 3000;

/** True once a stop signal arrived: results that come in after it are the signal's doing, not figures. */
export function isStopping() {
  return stopping;
}

/** Registers a started child to be stopped if the harness exits before it does; returns the unregister function. */
export function track(child) {
  install();
  if (child.pid === undefined) return () => {};
  children.set(child.pid, child);
  return () => children.delete(child.pid);
}

/** Registers a synchronous clean-up to run on any exit; returns the unregister function. */
export function atExit(fn) {
  install();
  hooks.add(fn);
  return () => hooks.delete(fn);
}

/** Signals every tracked child and runs the hooks. Synchronous, so it is safe in an 'exit' handler. */
function cleanUpNow(signal) {
  for (const child of children.values()) child.kill(signal);
  children.clear();
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // Best effort on the way out: one failed clean-up must not skip the others.
    }
  }
  hooks.clear();
}

/** On a stop signal: SIGTERM the children, wait for them (bounded), SIGKILL stragglers, exit. A second signal exits at once. */
async function stopOnSignal(signal, code) {
  if (stopping) process.exit(code);
  stopping = true;
  process.stderr.write(`\nbench: ${signal}: stopping the processes this run started\n`);
  const running = [...children.values()].filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  for (const child of running) child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, GRACE_MS))]);
  cleanUpNow('SIGKILL');
  process.exit(code);
}

function install() {
  if (installed) return;
  installed = true;
  process.on('exit', () => cleanUpNow('SIGKILL'));
  for (const [signal, code] of Object.entries(STOP_SIGNALS)) {
    process.on(signal, () => void stopOnSignal(signal, code));
  }
}
