import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import { markStartup, traceStartup, type StartupMark } from '../../src/coordinator/startup-trace.js';

const ORDER: StartupMark[] = ['compile-start', 'compiled', 'lifecycle-loaded', 'workers-spawning', 'workers-ready', 'first-start'];

function ioWith(env: Record<string, string>): { io: Io; written: () => string } {
  const stderr = new PassThrough();
  const chunks: string[] = [];
  stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
  const io = { stdout: new PassThrough(), stderr, env, cwd: process.cwd(), stdoutIsTTY: false, stderrIsTTY: false, onSignal: () => () => {} } satisfies Io;
  return { io, written: () => chunks.join('') };
}

/** The observer reports marks asynchronously, after the current task. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('startup trace', () => {
  it('writes one line with every phase once the workers are told to start, when TRACE_VOLLEY_STARTUP=1', async () => {
    const { io, written } = ioWith({ TRACE_VOLLEY_STARTUP: '1' });
    traceStartup(io);
    for (const mark of ORDER) markStartup(mark);
    await settle();
    expect(written()).toMatch(/^startup: cli \d+ms, compile \d+ms, lifecycle load \d+ms, workers ready \d+ms, first start \d+ms\n$/);
  });

  it('writes nothing without the variable', async () => {
    const { io, written } = ioWith({});
    traceStartup(io);
    for (const mark of ORDER) markStartup(mark);
    await settle();
    expect(written()).toBe('');
  });
});
