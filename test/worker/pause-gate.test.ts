/** The pause gate and a VU waiting at it: no iteration starts while paused; an interrupt or a stop ends the wait. */
import { describe, expect, it } from 'vitest';
import { PauseGate } from '../../src/worker/pause-gate.js';
import { Vu, type VuShared } from '../../src/worker/vu.js';
import { IterationSignal } from '../../src/worker/iteration-signal.js';
import { IterationErrors } from '../../src/worker/iteration-errors.js';
import { TagCache, VuTagState } from '../../src/worker/vu-tags.js';
import { PendingCalls } from '../../src/worker/pending-calls.js';
import { UnawaitedWarnings } from '../../src/worker/unawaited-warnings.js';
import { WorkerMetrics } from '../../src/metrics/worker-metrics.js';
import type { OwnedContext } from '../../src/worker/iteration-context.js';
import { settle } from '../support/fake-clock.js';

describe('PauseGate', () => {
  it('is open until paused, and wakes its waiters with true on resume', async () => {
    const gate = new PauseGate();
    expect(gate.closed).toBe(false);
    await expect(gate.opened()).resolves.toBe(true);
    gate.set(true);
    expect(gate.closed).toBe(true);
    const waiting = gate.opened();
    gate.set(false);
    expect(gate.closed).toBe(false);
    await expect(waiting).resolves.toBe(true);
  });

  it('releases its waiters with false on a stop, and stays closed', async () => {
    const gate = new PauseGate();
    gate.set(true);
    const waiting = gate.opened();
    gate.release();
    await expect(waiting).resolves.toBe(false);
    expect(gate.closed).toBe(true);
  });
});

/** A VU whose iteration counts its runs; `done` is what onIterationDone saw. */
function vuAt(gate: PauseGate) {
  const runs = { count: 0 };
  const done: boolean[] = [];
  const shared: VuShared = {
    sink: new WorkerMetrics(() => {}),
    errors: new IterationErrors('/s.ts'),
    now: () => performance.now(),
    breathe: () => undefined,
    onIterationDone: (interrupted) => done.push(interrupted),
    nextIterationInTest: () => runs.count,
    unawaited: new UnawaitedWarnings('/s.ts', () => {}).forScenario('s'),
    gate,
  };
  const owned: OwnedContext = { context: {} as OwnedContext['context'], idle: async () => {}, close: async () => {} };
  const tags = new VuTagState(new TagCache({}));
  const signal = new IterationSignal();
  const vu = new Vu(async () => void runs.count++, owned, tags, signal, new PendingCalls(signal, tags), shared, 'vu 1');
  return { vu, runs, done };
}

describe('a VU at the pause gate', () => {
  it('starts its iteration only once the gate opens', async () => {
    const gate = new PauseGate();
    gate.set(true);
    const { vu, runs } = vuAt(gate);
    const iteration = vu.runIteration();
    await settle();
    expect(runs.count).toBe(0);
    gate.set(false);
    await iteration;
    expect(runs.count).toBe(1);
  });

  it('gives up the wait, running and counting nothing, when its iteration is interrupted', async () => {
    const gate = new PauseGate();
    gate.set(true);
    const { vu, runs, done } = vuAt(gate);
    const iteration = vu.runIteration();
    await settle();
    vu.interruptIteration();
    await iteration;
    gate.set(false);
    await settle();
    expect(runs.count).toBe(0);
    expect(done).toEqual([]);
    await vu.runIteration(); // it can run again later
    expect(runs.count).toBe(1);
  });

  it('gives up the wait when retired or released by a stop', async () => {
    const gate = new PauseGate();
    gate.set(true);
    const a = vuAt(gate);
    const b = vuAt(gate);
    const first = a.vu.runIteration();
    const second = b.vu.runIteration();
    await settle();
    a.vu.interrupt();
    gate.release();
    await Promise.all([first, second]);
    expect(a.runs.count + b.runs.count).toBe(0);
  });
});
