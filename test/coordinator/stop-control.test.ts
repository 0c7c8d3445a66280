import { expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import type { Io, StopSignal } from '../../src/io.js';
import { StopControl, unlessStopped } from '../../src/coordinator/stop-control.js';
import { StoppedError } from '../../src/errors.js';

/** A StopControl on an Io whose signals the test sends, and what it wrote on stderr. */
function control() {
  let handler: (signal: StopSignal) => void = () => {};
  const stderr = new PassThrough({ encoding: 'utf8' });
  const io: Io = {
    stdout: new PassThrough(),
    stderr,
    env: {},
    cwd: '/',
    stdoutIsTTY: false,
    stderrIsTTY: false,
    onSignal(h) {
      handler = h;
      return () => {};
    },
  };
  return { stop: new StopControl(io), send: (s: StopSignal) => handler(s), said: () => String(stderr.read() ?? '') };
}

it('ends start-up work at the first ^C: its signal aborts, and says "stopping", not "gracefully"', async () => {
  const { stop, send, said } = control();
  const init = unlessStopped(new Promise(() => {}), stop.signal, 'init');
  send('SIGINT');
  await expect(init).rejects.toThrow(new StoppedError('init'));
  expect(stop.signal.aborted).toBe(true);
  expect(said()).toBe('\nSIGINT: stopping\n');
});

it('once stopped, refuses start-up work at once; without a signal it passes the outcome through', async () => {
  const { stop, send } = control();
  await expect(unlessStopped(Promise.resolve(1), stop.signal, 'setup()')).resolves.toBe(1);
  await expect(unlessStopped(Promise.reject(new Error('compile error')), stop.signal, 'the compile')).rejects.toThrow('compile error');
  send('SIGTERM');
  await expect(unlessStopped(Promise.resolve(1), stop.signal, 'setup()')).rejects.toBeInstanceOf(StoppedError);
});

it('stops an attached run gracefully at the first signal and at once at the second', () => {
  const { stop, send, said } = control();
  const calls: boolean[] = [];
  stop.attach({ stop: (hard) => calls.push(hard) });
  send('SIGINT');
  send('SIGINT');
  expect(calls).toEqual([false, true]);
  expect(said()).toBe('\nSIGINT: stopping gracefully (again to stop at once)\n\nSIGINT again: stopping now\n');
});
