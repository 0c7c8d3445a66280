/** The progress block on a terminal: redrawn in place, other writes above it, the stream given back at the end. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalBlock } from '../../src/outputs/terminal-block.js';

function recorder(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(chunk.toString()), done()) });
  return { stream, text: () => chunks.join('') };
}

describe('TerminalBlock', () => {
  it('redraws its lines in place: cursor up over the old block, erase down, the new lines', () => {
    const { stream, text } = recorder();
    const block = new TerminalBlock(stream);
    block.update(['a1', 'b1']);
    block.update(['a2', 'b2']);
    expect(text()).toBe('a1\nb1\n\x1b[2A\r\x1b[Ja2\nb2\n');
  });

  it('puts what others write to the stream above the block, then draws the block again', () => {
    const { stream, text } = recorder();
    const block = new TerminalBlock(stream);
    block.update(['bar']);
    stream.write('[worker 1] hello\n');
    expect(text()).toBe('bar\n\x1b[1A\r\x1b[J[worker 1] hello\nbar\n');
  });

  it('leaves the last lines on screen and gives the stream its own write back', () => {
    const { stream, text } = recorder();
    const own = stream.write;
    const block = new TerminalBlock(stream);
    block.update(['live']);
    block.close(['final']);
    expect(stream.write).toBe(own);
    expect(Object.hasOwn(stream, 'write')).toBe(false);
    stream.write('summary\n');
    block.update(['ignored']);
    expect(text()).toBe('live\n\x1b[1A\r\x1b[Jfinal\nsummary\n');
  });
});
