/**
 * Forwards a worker thread's stdout/stderr line by line with a prefix, so `console.log` from
 * scenario code arrives whole and in order per worker. Like k6, script output goes to stderr,
 * leaving stdout to the summary.
 */
import type { Readable, Writable } from 'node:stream';

/** Pipes `source` into `sink`, prefixing every line; returns a function that flushes a trailing partial line. */
export function forwardLines(source: Readable, sink: Writable, prefix: string): () => void {
  let pending = '';
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    const text = pending + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      pending = text;
      return;
    }
    pending = text.slice(end + 1);
    sink.write(text.slice(0, end).split('\n').map((l) => prefix + l).join('\n') + '\n');
  });
  return () => {
    if (pending) sink.write(prefix + pending + '\n');
    pending = '';
  };
}
