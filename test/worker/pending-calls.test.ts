/**
 * What a VU's iteration leaves running (pending-calls.ts), through a real iteration context: its
 * sleep, its group and its HTTP client (a fake one whose requests take a given time).
 */
import { describe, expect, it } from 'vitest';
import type { Http, Response } from '../../src/api/http.js';
import type { Iteration } from '../../src/api/context.js';
import type { ProtocolClient } from '../../src/clients/types.js';
import { httpClient } from '../../src/clients/http/index.js';
import { createContext, type ContextServices } from '../../src/worker/iteration-context.js';
import { IterationSignal } from '../../src/worker/iteration-signal.js';
import { PendingCalls } from '../../src/worker/pending-calls.js';
import { VuInfoView } from '../../src/worker/vu-info.js';
import { TagCache, VuTagState } from '../../src/worker/vu-tags.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests that answer after `ms`; busy while any is out. */
class SlowHttp implements Pick<Http, 'get'>, ProtocolClient {
  out = 0;
  #idle: (() => void)[] = [];
  get(): Promise<Response> {
    this.out++;
    return wait(20).then(() => {
      if (--this.out === 0) for (const wake of this.#idle.splice(0)) wake();
      return { status: 200 } as Response;
    });
  }
  busy(): boolean {
    return this.out > 0;
  }
  idle(): Promise<void> {
    return this.out === 0 ? Promise.resolve() : new Promise((r) => this.#idle.push(r));
  }
  async close(): Promise<void> {}
}

function vuContext() {
  const http = new SlowHttp();
  const services = {
    sink: new WorkerMetrics(() => {}),
    // The registry's http slot, opening the fake client; traced the way the real one is.
    clients: [{ name: 'http', open: () => http, traced: (client, track) => httpClient.traced!(client as unknown as Http, track), wording: httpClient.wording }],
    now: () => performance.now(),
    onTestControl: () => {},
    instance: { vusActive: 1, vusInitialized: 1, iterationsCompleted: 0, iterationsInterrupted: 0, currentTestRunDuration: 0 },
  } satisfies ContextServices;
  const tags = new VuTagState(new TagCache({}));
  const signal = new IterationSignal();
  const pending = new PendingCalls(signal, tags);
  const scenario = { name: 's', executor: 'shared-iterations', startTime: 0, iterationInTest: 0, progress: 0 };
  const owned = createContext(services, tags, signal, {}, scenario, 'vu 1', { info: new VuInfoView(1, 1), setupData: undefined, pending });
  return { ctx: owned.context as Iteration<unknown>, pending, http, signal };
}

describe('PendingCalls', () => {
  it('is idle after an iteration that awaited everything', async () => {
    const { ctx, pending } = vuContext();
    await ctx.http.get('http://x/');
    await ctx.sleep(0.01);
    await ctx.group('g', async () => void (await ctx.http.get('http://x/')));
    expect(pending.busy()).toBe(false);
    expect(pending.runningKinds()).toEqual([]);
  });

  it('sees an un-awaited request, sleep and group, and drains them all', async () => {
    const { ctx, pending, http } = vuContext();
    void ctx.http.get('http://x/');
    void ctx.sleep(0.03);
    void ctx.group('g', async () => void (await ctx.http.get('http://x/')));
    expect(pending.busy()).toBe(true);
    expect(pending.runningKinds()).toEqual(['http', 'sleep', 'group']);
    await pending.drained();
    expect(pending.busy()).toBe(false);
    expect(http.out).toBe(0);
  });

  it('also waits for what a callback chained on an un-awaited call starts', async () => {
    const { ctx, pending, http } = vuContext();
    let second = false;
    void ctx.http.get('http://x/').then(() => ctx.http.get('http://x/').then(() => (second = true)));
    await pending.drained();
    expect(second).toBe(true);
    expect(http.out).toBe(0);
  });

  it('ends a drain when the iteration is interrupted (its sleep ends at once)', async () => {
    const { ctx, pending, signal } = vuContext();
    void ctx.sleep(60);
    const drained = pending.drained();
    signal.abortIteration();
    await drained;
    expect(pending.busy()).toBe(false);
  });

  it('names, in a traced iteration, the calls still running; a call inside a still-open group stands for its group', async () => {
    const { ctx, pending } = vuContext();
    pending.tracing = true;
    await ctx.http.get('http://x/awaited');
    void ctx.http.get('http://x/loose');
    void ctx.group('g', async () => {
      await ctx.http.get('http://x/in-group');
      await ctx.sleep(0.01);
    });
    void ctx.sleep(0.01);
    const calls = pending.stopTracing();
    expect(calls.map((c) => c.call)).toEqual(['http.get()', 'group()', 'sleep()']);
    expect(calls.every((c) => c.site.stack?.includes('pending-calls.test.ts'))).toBe(true);
    expect(pending.tracing).toBe(false);
    await pending.drained();
  });

  it('takes no stack in an iteration that is not traced', async () => {
    const { ctx, pending } = vuContext();
    void ctx.http.get('http://x/');
    expect(pending.stopTracing()).toEqual([]);
    await pending.drained();
  });
});
