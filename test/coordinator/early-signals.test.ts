import { expect, it } from 'vitest';
import { holdSignals, replayHeldSignals } from '../../src/coordinator/early-signals.js';

it('holds a ^C that arrives before the run listens, and replays it to the handler installed later', () => {
  holdSignals();
  process.emit('SIGINT', 'SIGINT'); // held: without the hold this would be the default action
  const seen: string[] = [];
  const handler = (signal: string) => seen.push(signal);
  process.on('SIGINT', handler);
  try {
    replayHeldSignals();
    expect(seen).toEqual(['SIGINT']);
    replayHeldSignals(); // once only
    expect(seen).toEqual(['SIGINT']);
  } finally {
    process.off('SIGINT', handler);
  }
});

it('replays nothing when nothing was held', () => {
  const seen: string[] = [];
  const handler = (signal: string) => seen.push(signal);
  process.on('SIGTERM', handler);
  try {
    replayHeldSignals();
    expect(seen).toEqual([]);
  } finally {
    process.off('SIGTERM', handler);
  }
});
