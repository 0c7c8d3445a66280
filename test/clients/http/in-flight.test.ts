import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InFlight, type Tracked } from '../../../src/clients/http/in-flight.js';

class FakeRequest implements Tracked {
  slot = -1;
  expired = 0;
  interrupted = 0;
  readonly deadline: number;
  private readonly owner: InFlight;
  constructor(deadline: number, owner: InFlight) {
    this.deadline = deadline;
    this.owner = owner;
  }
  expire(): void {
    this.expired++;
    this.owner.delete(this);
  }
  interrupt(): void {
    this.interrupted++;
    this.owner.delete(this);
  }
}

describe('InFlight', () => {
  let now = 0;
  let inFlight: InFlight;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    inFlight = new InFlight(() => now);
  });
  afterEach(() => {
    inFlight.stop();
    vi.useRealTimers();
  });
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('expires a request at its deadline, not before', () => {
    const r = new FakeRequest(100, inFlight);
    inFlight.add(r);
    advance(99);
    expect(r.expired).toBe(0);
    advance(1);
    expect(r.expired).toBe(1);
    expect(inFlight.size).toBe(0);
  });

  it('expires each of several requests at its own deadline', () => {
    const late = new FakeRequest(300, inFlight);
    const early = new FakeRequest(100, inFlight);
    inFlight.add(late);
    inFlight.add(early);
    advance(100);
    expect([early.expired, late.expired]).toEqual([1, 0]);
    advance(200);
    expect(late.expired).toBe(1);
  });

  it('does not expire a request that finished in time', () => {
    const r = new FakeRequest(100, inFlight);
    inFlight.add(r);
    inFlight.delete(r);
    advance(200);
    expect(r.expired).toBe(0);
  });

  it('keeps the other requests when one is removed from the middle', () => {
    const rs = [1, 2, 3].map((i) => new FakeRequest(1000 * i, inFlight));
    for (const r of rs) inFlight.add(r);
    inFlight.delete(rs[0]!);
    advance(3000);
    expect(rs.map((r) => r.expired)).toEqual([0, 1, 1]);
  });

  it('resolves idle() once the last request has left, and at once when none is in flight', async () => {
    await expect(inFlight.idle()).resolves.toBeUndefined();
    const rs = [new FakeRequest(100, inFlight), new FakeRequest(200, inFlight)];
    for (const r of rs) inFlight.add(r);
    let idle = 0;
    void inFlight.idle().then(() => idle++);
    void inFlight.idle().then(() => idle++);
    inFlight.delete(rs[0]!);
    await Promise.resolve();
    expect(idle).toBe(0);
    inFlight.delete(rs[1]!);
    await Promise.resolve();
    expect(idle).toBe(2);
  });

  it('interrupts every tracked request', () => {
    const rs = [new FakeRequest(100, inFlight), new FakeRequest(200, inFlight)];
    for (const r of rs) inFlight.add(r);
    inFlight.interruptAll();
    expect(rs.map((r) => r.interrupted)).toEqual([1, 1]);
    expect(inFlight.size).toBe(0);
  });

  it('uses one timer however many requests share a timeout', () => {
    for (let i = 0; i < 50; i++) inFlight.add(new FakeRequest(60_000 + i, inFlight));
    expect(vi.getTimerCount()).toBe(1);
  });
});
