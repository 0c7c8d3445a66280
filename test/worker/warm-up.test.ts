import { describe, expect, it } from 'vitest';
import { warmUpHotPath } from '../../src/worker/warm-up.js';
import { WARM_UP_REQUESTS } from '../../src/ipc/messages.js';

describe('warmUpHotPath', () => {
  it('runs every warm-up request through volley’s client against its in-thread server', async () => {
    expect(await warmUpHotPath(new AbortController().signal)).toBe(WARM_UP_REQUESTS);
  });

  it('sends nothing once stopped (a run’s init arrived first)', async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await warmUpHotPath(stop.signal)).toBe(0);
  });

  it('stops part-way when stopped while running, after the requests in flight', async () => {
    const stop = new AbortController();
    const warming = warmUpHotPath(stop.signal);
    setTimeout(() => stop.abort(), 50); // 4,000 requests take far longer than 50 ms
    const answered = await warming;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(WARM_UP_REQUESTS);
  });
});
