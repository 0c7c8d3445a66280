/** Waits longer than a Node timer holds (2^31-1 ms, 24.8 days), which durations such as '30d' ask for. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLongTimeout } from '../src/long-timeout.js';
import { MonotonicClock } from '../src/worker/clock.js';

const DAY_MS = 86_400_000;

describe('setLongTimeout', () => {
  afterEach(() => vi.useRealTimers());

  it('fires after 30 days, not before, and not after 1 ms as a plain setTimeout would', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fn = vi.fn();
    setLongTimeout(fn, 30 * DAY_MS);
    vi.advanceTimersByTime(29 * DAY_MS);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(DAY_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('is cancelled by what it returns', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const fn = vi.fn();
    setLongTimeout(fn, 30 * DAY_MS)();
    vi.advanceTimersByTime(31 * DAY_MS);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('MonotonicClock.sleepUntil', () => {
  it('does not wake early for a time 30 days away, and an abort still wakes it', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const clock = new MonotonicClock();
      const stop = new AbortController();
      let woke = false;
      const sleeping = clock.sleepUntil(clock.now() + 30 * DAY_MS, stop.signal).then(() => (woke = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(woke).toBe(false);
      stop.abort();
      await sleeping;
      expect(woke).toBe(true);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
