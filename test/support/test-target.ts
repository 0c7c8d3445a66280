/** The embedded target, started in the test's own process on a free 127.0.0.1 port. */
import { startTarget, type RunningTarget } from '../../src/target/index.js';

/** Starts a target on 127.0.0.1, port 0; the caller closes it (typically in afterAll). */
export function startTestTarget(): Promise<RunningTarget> {
  return startTarget({ host: '127.0.0.1', httpPort: 0 });
}

/** Runs `fn` against a fresh target and closes the target afterwards, whether `fn` passed or threw. */
export async function withTarget<T>(fn: (target: RunningTarget) => Promise<T> | T): Promise<T> {
  const target = await startTestTarget();
  try {
    return await fn(target);
  } finally {
    await target.close();
  }
}

export type { RunningTarget };
