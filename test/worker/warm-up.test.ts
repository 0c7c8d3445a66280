import { describe, expect, it } from 'vitest';
import { WARM_UP_MINIMUM, warmUpHotPath } from '../../src/worker/warm-up.js';
import { WARM_UP_REQUESTS } from '../../src/ipc/messages.js';

describe('warmUpHotPath', () => {
  it('runs every warm-up request through volley’s client against its in-thread server', async () => {
    expect(await warmUpHotPath(new AbortController().signal)).toBe(WARM_UP_REQUESTS);
  });

  // In flight when the minimum is reached: at most one request per warm-up connection.
  const CONNECTIONS = 8;

  it('still answers the minimum when stopped before it began (init arrived during the parser compile)', async () => {
    const stop = new AbortController();
    stop.abort();
    const answered = await warmUpHotPath(stop.signal);
    expect(answered).toBeGreaterThanOrEqual(WARM_UP_MINIMUM);
    expect(answered).toBeLessThanOrEqual(WARM_UP_MINIMUM + CONNECTIONS);
  });

  it('stops part-way when stopped while running, after the minimum and the requests in flight', async () => {
    const stop = new AbortController();
    const warming = warmUpHotPath(stop.signal);
    setTimeout(() => stop.abort(), 50); // 4,000 requests take far longer than 50 ms
    const answered = await warming;
    expect(answered).toBeGreaterThanOrEqual(WARM_UP_MINIMUM);
    expect(answered).toBeLessThan(WARM_UP_REQUESTS);
  });
});
