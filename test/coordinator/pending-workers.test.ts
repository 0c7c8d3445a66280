import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PendingWorkers, SILENT_MS } from '../../src/coordinator/pending-workers.js';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

/** Two workers; a blocked one is settled by the callback, as LiveRun does. */
function watch() {
  const blocked: [number, number][] = [];
  const pending: PendingWorkers = new PendingWorkers(2, (i, heardAt) => {
    blocked.push([i, heardAt]);
    pending.settle(i);
  });
  return { pending, blocked };
}

it('reports nothing before the deadline, however long a worker is silent', () => {
  const { pending, blocked } = watch();
  pending.expectDoneBy(Date.now() + 10_000);
  vi.advanceTimersByTime(9_999);
  expect(blocked).toEqual([]);
});

it('at the deadline, reports the worker that is silent and not done, with when it was last heard', () => {
  const { pending, blocked } = watch();
  vi.advanceTimersByTime(500);
  pending.heard(0);
  pending.heard(1);
  const heardAt = Date.now();
  pending.expectDoneBy(Date.now() + 5_000);
  for (let t = 0; t < 5_000; t += 1000) {
    vi.advanceTimersByTime(1000);
    pending.heard(1); // worker 1 keeps sending its snapshots
  }
  expect(blocked).toEqual([[0, heardAt]]);
  expect(pending.count).toBe(1);
});

it('leaves a late worker alone while it still sends, and reports it once it falls silent', () => {
  const { pending, blocked } = watch();
  pending.settle(0);
  pending.expectDoneBy(Date.now());
  for (let t = 0; t < 5_000; t += 1000) {
    pending.heard(1);
    vi.advanceTimersByTime(1000);
  }
  expect(blocked).toEqual([]);
  const lastHeard = Date.now() - 1000;
  vi.advanceTimersByTime(SILENT_MS);
  expect(blocked).toEqual([[1, lastHeard]]);
});

it('never reports a worker that is done, and an earlier deadline replaces a later one', () => {
  const { pending, blocked } = watch();
  pending.expectDoneBy(Date.now() + 60_000);
  pending.settle(1);
  expect(pending.settle(1)).toBe(false);
  pending.expectDoneBy(Date.now() + SILENT_MS);
  vi.advanceTimersByTime(SILENT_MS);
  expect(blocked.map(([i]) => i)).toEqual([0]);
  expect(pending.count).toBe(0);
});
