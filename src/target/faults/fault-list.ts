/**
 * The fault endpoints `volley target --faults` adds, in the words it prints when ready: one place for
 * the list, so the routes, the start-up lines and the docs cannot drift apart.
 */

/** The prefix every fault route shares; without --faults nothing answers under it but 404. */
export const FAULTS_PREFIX = '/faults/';

/** Each fault endpoint's path pattern and what it does. */
export const FAULT_ENDPOINTS: readonly (readonly [path: string, does: string])[] = [
  ['/faults/close-idle', 'answers, then closes the connection instead of serving another request on it'],
  ['/faults/reset-headers', 'sends part of the headers, then resets the connection'],
  ['/faults/reset-body', 'sends the headers and part of the body, then resets the connection'],
  ['/faults/hang', 'reads the request and never answers'],
  ['/faults/trickle/:ms', 'sends a 10-byte body, one byte every :ms milliseconds'],
  ['/faults/garbage', 'answers with bytes that are not HTTP, then closes'],
  ['/faults/big-headers[/:kib]', 'answers 200 with :kib KiB of headers (default 64)'],
  ['/faults/wrong-length', 'declares a 100-byte body, sends 10 bytes, then closes'],
  ['/faults/5xx-every/:k', 'answers 503 to every k-th request to it, 200 to the others'],
];

/** What the refusing port does, printed beside its address. */
export const REFUSE_DOES = 'resets every connection as it is accepted';
