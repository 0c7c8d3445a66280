/** RunControl: phases, per-worker shares of a VU target, confirmations, pause, stop and refusals. */
import { describe, expect, it, vi } from 'vitest';
import { RunControl, type RunControlParams } from '../../src/control/run-control.js';
import { ControlRejected } from '../../src/control/control-target.js';
import type { PlannedScenario } from '../../src/coordinator/plan.js';
import type { ToWorker } from '../../src/ipc/messages.js';

const scenario = (name: string, executor: string, maxVUs: number): PlannedScenario => ({
  scenario: { name, executor, config: {}, startTimeMs: 0, gracefulStopMs: 0, exec: 'default', env: {}, tags: {} },
  plan: { maxVUs, maxDurationMs: 60_000 },
});

/** A RunControl over `planned` with a link to `workers` fake workers that answer when `autoAck`. */
function setup(planned: PlannedScenario[], workers: number, autoAck = true) {
  const sent: { workerId: number; msg: ToWorker }[] = [];
  const flags = { stops: 0, stopped: false };
  const params: RunControlParams = { planned, stop: () => flags.stops++, stopped: () => flags.stopped, tainted: () => false };
  const control = new RunControl(params);
  const link = {
    workers,
    tell(workerId: number, msg: ToWorker) {
      sent.push({ workerId, msg });
      if (autoAck && msg.type === 'control') {
        const share = msg.vus?.share ?? 0;
        queueMicrotask(() => control.observe({ type: 'controlApplied', workerId, seq: msg.seq, activeVUs: share }));
      }
    },
  };
  return { control, link, sent, flags };
}

describe('RunControl', () => {
  it('moves through k6 status numbers: setup 6, init 1, running 7, teardown 8, ended 9 (interrupted 10 when stopped)', () => {
    const { control, link, flags } = setup([scenario('s', 'constant-vus', 2)], 1);
    const seen = [control.status().status];
    control.attach(link);
    seen.push(control.status().status);
    control.started();
    seen.push(control.status().status);
    expect(control.status().running).toBe(true);
    control.detach();
    seen.push(control.status().status);
    control.ended();
    seen.push(control.status().status);
    expect(seen).toEqual([6, 1, 7, 8, 9]);
    expect(control.status().running).toBe(false);
    flags.stopped = true;
    expect(control.status()).toMatchObject({ status: 10, stopped: true });
  });

  it('sends each worker its exact share of a new VU target and answers once all confirmed', async () => {
    const { control, link, sent } = setup([scenario('api', 'constant-vus', 4), scenario('ctl', 'externally-controlled', 10)], 3);
    control.attach(link);
    control.started();
    await control.apply({ vus: 7 });
    const shares = sent.map((s) => (s.msg.type === 'control' ? s.msg.vus : undefined));
    expect(shares.map((s) => s?.scenario)).toEqual(['ctl', 'ctl', 'ctl']);
    expect(shares.reduce((n, s) => n + (s?.share ?? 0), 0)).toBe(7);
    expect(control.status()).toMatchObject({ vus: 7, 'vus-max': 14 });
  });

  it('answers after 2 s when a worker never confirms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { control, link } = setup([scenario('ctl', 'externally-controlled', 4)], 1, false);
      control.attach(link);
      control.started();
      let answered = false;
      const applied = control.apply({ vus: 2 }).then(() => (answered = true));
      await vi.advanceTimersByTimeAsync(1999);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await applied;
      expect(answered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps changes made before the start and sends them when the workers start', async () => {
    const { control, link, sent } = setup([scenario('ctl', 'externally-controlled', 4)], 2);
    await control.apply({ vus: 3, paused: true });
    control.attach(link);
    expect(sent).toEqual([]);
    control.started();
    expect(sent.map((s) => s.msg)).toEqual([
      { type: 'control', seq: 1, paused: true, vus: { scenario: 'ctl', share: 1 } },
      { type: 'control', seq: 1, paused: true, vus: { scenario: 'ctl', share: 2 } },
    ]);
    expect(control.status().paused).toBe(true);
  });

  it('pauses and resumes every worker, sending nothing when nothing changes', async () => {
    const { control, link, sent } = setup([scenario('s', 'constant-vus', 2)], 2);
    control.attach(link);
    control.started();
    await control.apply({ paused: true });
    await control.apply({ paused: true });
    await control.apply({ paused: false });
    expect(sent.map((s) => s.msg.type === 'control' && s.msg.paused)).toEqual([true, true, false, false]);
  });

  it('stops through the stop callback and ignores the other fields, as k6', async () => {
    const { control, link, sent, flags } = setup([scenario('ctl', 'externally-controlled', 4)], 1);
    control.attach(link);
    control.started();
    await control.apply({ stopped: true, vus: 3 });
    expect(flags.stops).toBe(1);
    expect(sent).toEqual([]);
  });

  it('follows active VUs from snapshots and done messages', () => {
    const { control, link } = setup([scenario('s', 'constant-vus', 6)], 2);
    control.attach(link);
    control.started();
    control.observe({ type: 'snapshot', workerId: 0, seq: 0, fromMs: 0, toMs: 1000, activeVUs: 3, scenarioVUs: [3], series: [] });
    control.observe({ type: 'snapshot', workerId: 1, seq: 0, fromMs: 0, toMs: 1000, activeVUs: 2, scenarioVUs: [2], series: [] });
    expect(control.status().vus).toBe(5);
    control.observe({ type: 'done', workerId: 1, final: [], fromMs: 0, toMs: 1000, errors: [], iterations: { complete: 0, interrupted: 0 } });
    expect(control.status().vus).toBe(3);
  });

  it.each([
    [{ vus: 11 }, [scenario('ctl', 'externally-controlled', 10)], 'vus (11) must not be more than vus-max (10, the maxVUs of scenario ctl)'],
    [{ vus: 2 }, [scenario('s', 'constant-vus', 10)], 'an externally-controlled scenario is needed to change vus at run time'],
    [{ 'vus-max': 20 }, [scenario('ctl', 'externally-controlled', 10)], 'vus-max cannot be changed at run time (it is 10)'],
  ])('refuses %j', async (patch, planned, message) => {
    const { control } = setup(planned, 1);
    const err = await control.apply(patch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ControlRejected);
    expect((err as Error).message).toContain(message);
  });

  it('accepts vus-max equal to the current one (a status sent back as read)', async () => {
    const { control } = setup([scenario('ctl', 'externally-controlled', 10)], 1);
    await expect(control.apply({ 'vus-max': 10, vus: 4 })).resolves.toBeUndefined();
  });
});
