/**
 * A file an output writes as the run goes (the time series): opened (truncated) when the output is
 * made, written without waiting, and closed at the end. A write error is kept and thrown by the next
 * write or by close, so the output is reported once and the run goes on.
 */
import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

export class FileStream {
  private readonly stream: WriteStream;
  /** How errors name the output: `--out json`. */
  private readonly what: string;
  private failure: Error | undefined;

  /** Opens `path` now; throws when it cannot (the folder went away since the flags were checked). */
  constructor(path: string, what: string) {
    this.what = what;
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (err) {
      throw new Error(`${what}: cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    this.stream = createWriteStream('', { fd });
    this.stream.on('error', (err) => (this.failure ??= err));
  }

  /** Queues `text`; throws once the file has failed, so the caller stops writing. */
  write(text: string): void {
    if (this.failure) throw this.error(this.failure);
    if (text) this.stream.write(text);
  }

  /** Flushes and closes; throws when any write failed. */
  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream).catch((err: Error) => (this.failure ??= err));
    if (this.failure) throw this.error(this.failure);
  }

  private error(cause: Error): Error {
    return new Error(`${this.what}: ${cause.message}`);
  }
}
