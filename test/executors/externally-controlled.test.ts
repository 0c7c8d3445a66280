/** externally-controlled on a fake clock: VU target changes, no graceful stop, pause-aware duration, exact worker shares. */
import { describe, expect, it } from 'vitest';
import { externallyControlled, vuTargetShare } from '../../src/executors/externally-controlled.js';
import { ControlChannel } from '../../src/executors/control-channel.js';
import { nthSegment, scaleInt } from '../../src/executors/segment.js';
import type { ConfigIssue } from '../../src/errors.js';
import { fakeContext } from '../support/fake-vu.js';

/** A fake context over `vus` VUs with a control channel starting at `initial`. */
function setup(vus: number, iterationMs: number, initial: number) {
  const fake = fakeContext(vus, iterationMs);
  const control = new ControlChannel(initial);
  return { ...fake, control, ctx: { ...fake.ctx, control } };
}

describe('externally-controlled run', () => {
  it('loops the initial VUs for the duration and leaves the others idle', async () => {
    const { clock, fakes, ctx, record } = setup(3, 100, 2);
    const done = externallyControlled.run({ vus: 2, maxVUs: 3, durationMs: 500 }, ctx);
    await clock.run();
    await done;
    expect(fakes.map((f) => f.starts)).toEqual([[0, 100, 200, 300, 400], [0, 100, 200, 300, 400], []]);
    expect(record.active).toEqual([{ at: 0, count: 2 }, { at: 500, count: 0 }]);
  });

  it('starts more VUs at once when the target is raised', async () => {
    const { clock, fakes, ctx, control, record } = setup(4, 100, 1);
    void clock.sleepUntil(250).then(() => control.set({ vus: 4 }));
    const done = externallyControlled.run({ vus: 1, maxVUs: 4, durationMs: 500 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toEqual([0, 100, 200, 300, 400]);
    expect(fakes.slice(1).map((f) => f.starts)).toEqual([[250, 350, 450], [250, 350, 450], [250, 350, 450]]);
    expect(record.active.map((a) => [a.at, a.count])).toEqual([[0, 1], [250, 4], [500, 0]]);
  });

  it('interrupts the iteration of every VU beyond a lowered target (k6 hard-stops them)', async () => {
    const { clock, fakes, ctx, control } = setup(3, 100, 3);
    void clock.sleepUntil(250).then(() => control.set({ vus: 1 }));
    const done = externallyControlled.run({ vus: 3, maxVUs: 3, durationMs: 500 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toEqual([0, 100, 200, 300, 400]);
    expect(fakes.slice(1).map((f) => [f.starts, f.completed, f.interruptedIterations])).toEqual([
      [[0, 100, 200], 2, 1],
      [[0, 100, 200], 2, 1],
    ]);
  });

  it('restarts a lowered VU when the target goes up again', async () => {
    const { clock, fakes, ctx, control } = setup(2, 100, 2);
    void clock.sleepUntil(150).then(() => control.set({ vus: 1 }));
    void clock.sleepUntil(320).then(() => control.set({ vus: 2 }));
    const done = externallyControlled.run({ vus: 2, maxVUs: 2, durationMs: 500 }, ctx);
    await clock.run();
    await done;
    expect(fakes[1]!.starts).toEqual([0, 100, 320, 420]);
  });

  it('never runs more VUs than this worker has, whatever the target', async () => {
    const { clock, fakes, ctx, record } = setup(2, 100, 5);
    const done = externallyControlled.run({ vus: 5, maxVUs: 5, durationMs: 200 }, ctx);
    await clock.run();
    await done;
    expect(fakes.map((f) => f.starts.length)).toEqual([2, 2]);
    expect(record.active[0]).toEqual({ at: 0, count: 2 });
  });

  it('has no graceful stop: the iteration running at the end of the duration is interrupted', async () => {
    const { clock, fakes, ctx } = setup(1, 300, 1);
    const done = externallyControlled.run({ vus: 1, maxVUs: 1, durationMs: 1000 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.starts).toEqual([0, 300, 600, 900]);
    expect(fakes[0]!.completed).toBe(3);
    expect(fakes[0]!.interrupted).toBe(true);
    expect(clock.now()).toBe(1000);
  });

  it('does not count paused time toward the duration (as k6)', async () => {
    const { clock, ctx, control } = setup(1, 100, 1);
    void clock.sleepUntil(200).then(() => control.set({ paused: true }));
    void clock.sleepUntil(700).then(() => control.set({ paused: false }));
    let endedAt = -1;
    const done = externallyControlled.run({ vus: 1, maxVUs: 1, durationMs: 1000 }, ctx).then(() => (endedAt = clock.now()));
    await clock.run();
    await done;
    expect(endedAt).toBe(1500);
  });

  it('with duration 0 runs until the run is stopped, then interrupts at once', async () => {
    const { clock, fakes, ctx, stopping } = setup(1, 100, 1);
    void clock.sleepUntil(10_050).then(() => stopping.abort());
    const done = externallyControlled.run({ vus: 1, maxVUs: 1, durationMs: 0 }, ctx);
    await clock.run();
    await done;
    expect(fakes[0]!.completed).toBe(100);
    expect(fakes[0]!.interrupted).toBe(true);
    expect(clock.now()).toBe(10_050);
  });
});

describe('externally-controlled options', () => {
  const parse = (raw: Record<string, unknown>) => {
    const issues: ConfigIssue[] = [];
    const config = externallyControlled.parse(raw, 'options.scenarios.s', issues);
    return { config, issues: issues.map((i) => `${i.path} ${i.message}`) };
  };

  it('defaults vus to 0 and maxVUs to vus (at least 1), and reads duration 0 as "until stopped"', () => {
    expect(parse({ duration: '0s' }).config).toEqual({ vus: 0, maxVUs: 1, durationMs: 0 });
    expect(parse({ vus: 4, duration: '1m' }).config).toEqual({ vus: 4, maxVUs: 4, durationMs: 60_000 });
  });

  it.each([
    [{ vus: 2, maxVUs: 5 }, 'options.scenarios.s.duration is required'],
    [{ vus: 6, maxVUs: 5, duration: '1m' }, 'options.scenarios.s.maxVUs must be ≥ vus (6)'],
    [{ vus: -1, duration: '1m' }, 'options.scenarios.s.vus must be an integer ≥ 0'],
    [{ vus: 1, duration: '1m', gracefulStop: '5s' }, 'options.scenarios.s.gracefulStop is not supported'],
  ])('reports %j', (raw, issue) => {
    expect(parse(raw).issues.join('\n')).toContain(issue);
  });

  it('plans maxVUs VUs and no bound for duration 0', () => {
    expect(externallyControlled.plan({ vus: 1, maxVUs: 10, durationMs: 60_000 }, 0)).toEqual({ maxVUs: 10, maxDurationMs: 60_000 });
    expect(externallyControlled.plan({ vus: 1, maxVUs: 10, durationMs: 0 }, 0).maxDurationMs).toBe(Infinity);
  });
});

describe('vuTargetShare', () => {
  it('splits any target ≤ maxVUs exactly, never beyond what a worker pre-allocated (N = 1..7)', () => {
    for (let n = 1; n <= 7; n++) {
      for (let maxVUs = 0; maxVUs <= 30; maxVUs++) {
        for (let target = 0; target <= maxVUs; target++) {
          const shares = Array.from({ length: n }, (_, i) => vuTargetShare(target, maxVUs, nthSegment(i, n)));
          expect(shares.reduce((a, b) => a + b, 0)).toBe(target);
          shares.forEach((share, i) => expect(share).toBeLessThanOrEqual(scaleInt(maxVUs, nthSegment(i, n))));
        }
      }
    }
  });

  it('gives split() the same share the control API sends later', () => {
    const seg = nthSegment(2, 5);
    expect(externallyControlled.split({ vus: 2, maxVUs: 3, durationMs: 1000 }, seg)).toEqual({ vus: vuTargetShare(2, 3, seg), maxVUs: scaleInt(3, seg), durationMs: 1000 });
  });
});
