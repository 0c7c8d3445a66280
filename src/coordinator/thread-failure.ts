/**
 * A thread that runs user code died of an error: how the user reads it. Running out of heap is the
 * script's doing (every such thread has the same cap, WORKER_HEAP), so it gets one line saying what
 * helps instead of Node's ERR_WORKER_OUT_OF_MEMORY stack.
 */
import { WORKER_HEAP } from './warm-threads.js';

/** `ran out of memory (…): <remedy>` for a heap overflow, else `failed: <stack>`. */
export function describeThreadError(err: Error, remedy: string): string {
  if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `ran out of memory (a thread running the script has its JavaScript heap limited to ${WORKER_HEAP.maxOldGenerationSizeMb} MB): ${remedy}`;
  }
  return `failed: ${err.stack ?? String(err)}`;
}
