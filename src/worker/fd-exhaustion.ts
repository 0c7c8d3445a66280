/**
 * Running out of file descriptors at run time. Each VU that connects holds a socket, and a plan's
 * VUs can be more than the process may open (`ulimit -n`), which no check before the run can
 * judge (a VU that only sleeps holds none). undici then fails the connect with EMFILE (ENFILE: the
 * system's table is full); the request counts as failed (clients/http/error-codes.ts), and the run
 * is told once, not once per request. Watches undici's connectError diagnostics channel, which
 * undici publishes only while someone listens and only for a failed connect: nothing on the
 * request path.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';

const CONNECT_ERROR = 'undici:client:connectError';

/** Calls `warn` with a one-line explanation at this thread's first connect that failed for want of descriptors; returns the unsubscribe. */
export function watchFdExhaustion(warn: (message: string) => void): () => void {
  let warned = false;
  const limit = openFilesLimit(); // now: once descriptors run out, /proc cannot be opened either
  const listener = (event: unknown) => {
    const code = (event as { error?: { code?: unknown } } | undefined)?.error?.code;
    if (warned || (code !== 'EMFILE' && code !== 'ENFILE')) return;
    warned = true;
    warn(code === 'EMFILE' ? `volley ran out of file descriptors (EMFILE${limit}); ${CONSEQUENCE}: raise the limit (ulimit -n) or lower the VUs` : `the system's table of open files is full (ENFILE); ${CONSEQUENCE}`);
  };
  subscribe(CONNECT_ERROR, listener);
  return () => unsubscribe(CONNECT_ERROR, listener);
}

const CONSEQUENCE = 'connections that cannot be opened count as failed requests (error_code 1213)';

/** `, limit 1024`: the process's soft limit on open files, from /proc where there is one (Linux). */
function openFilesLimit(): string {
  try {
    const soft = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    return soft ? `, limit ${soft}` : '';
  } catch {
    return '';
  }
}
