/**
 * A block of lines kept at the bottom of a terminal and redrawn in place (cursor up, erase down):
 * what the progress display is drawn with. Anything else written to the same stream while the block
 * is shown (a script's console.log, a warning) goes above it: the block is erased before that write
 * and drawn again after it. That needs the stream's `write` wrapped, as log-update-style libraries
 * do, for as long as the block is shown; `close` puts it back.
 */
import type { Writable } from 'node:stream';

const ESC = '\x1b[';

export class TerminalBlock {
  private readonly stream: Writable;
  private readonly ownWrite: Writable['write'];
  private readonly hadOwnWrite: boolean;
  private lines: readonly string[] = [];
  /** Lines of the block on screen now (the cursor is at the start of the line below them). */
  private drawn = 0;
  private closed = false;

  constructor(stream: Writable) {
    this.stream = stream;
    this.hadOwnWrite = Object.hasOwn(stream, 'write');
    this.ownWrite = stream.write;
    const write = (...args: Parameters<Writable['write']>): boolean => {
      this.raw(this.erase());
      const result = (this.ownWrite as (...a: unknown[]) => boolean).apply(stream, args);
      this.raw(this.draw());
      return result;
    };
    stream.write = write as Writable['write'];
  }

  /** Replaces the block's lines on screen. */
  update(lines: readonly string[]): void {
    if (this.closed) return;
    this.lines = lines;
    this.raw(this.erase() + this.draw());
  }

  /** Draws `lines` one last time, leaves them on screen, and gives the stream its own `write` back. */
  close(lines: readonly string[] = this.lines): void {
    if (this.closed) return;
    this.update(lines);
    this.closed = true;
    if (this.hadOwnWrite) this.stream.write = this.ownWrite;
    else delete (this.stream as { write?: unknown }).write;
  }

  private raw(text: string): void {
    if (text) (this.ownWrite as (chunk: string) => boolean).call(this.stream, text);
  }

  private erase(): string {
    const text = this.drawn > 0 ? `${ESC}${this.drawn}A\r${ESC}J` : '';
    this.drawn = 0;
    return text;
  }

  private draw(): string {
    this.drawn = this.lines.length;
    return this.lines.map((l) => `${l}\n`).join('');
  }
}
