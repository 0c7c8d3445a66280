/**
 * The running test as the control API sees it (coordinator side): its phase, pause, active VUs and
 * the VU target of its externally controlled scenario. Changes go to every worker as `control`
 * messages — each worker gets its exact share of a new VU target — and `apply` resolves once all
 * workers answered, so the status in a PATCH response already counts the new VUs (as k6's does).
 */
import type { FromWorker, ToWorker } from '../ipc/messages.js';
import type { PlannedScenario } from '../coordinator/plan.js';
import { nthSegment } from '../executors/segment.js';
import { vuTargetShare } from '../executors/externally-controlled.js';
import { ControlRejected, ExecutionStatus, type ControlTarget, type StatusAttributes, type StatusPatch } from './control-target.js';

/** How long a PATCH waits for the workers to confirm a change before answering anyway. */
const ACK_TIMEOUT_MS = 2000;

/** How RunControl reaches the load workers of the live run. */
export interface WorkerLink {
  readonly workers: number;
  tell(workerId: number, msg: ToWorker): void;
}

export interface RunControlParams {
  planned: readonly PlannedScenario[];
  /** Stops the run gracefully, as a first ^C does (exit 105). */
  stop(): void;
  /** True once the run was asked to stop (API, signal, test.abort). */
  stopped(): boolean;
  /** True when some threshold fails on what was measured in the `elapsedMs` since the start. */
  tainted(elapsedMs: number): boolean;
}

type Change = { paused?: boolean; vus?: number };

export class RunControl implements ControlTarget {
  private readonly p: RunControlParams;
  /** k6 applies `vus` to the first externally-controlled scenario; so does volley. */
  private readonly external: PlannedScenario | undefined;
  private readonly vusMax: number;
  private phase: ExecutionStatus = ExecutionStatus.setup;
  private paused = false;
  /** The VU target set through the API; undefined = the scenario's own `vus`. */
  private target: number | undefined;
  private link: WorkerLink | undefined;
  private running = false;
  private startedAtMs: number | undefined;
  private readonly active = new Map<number, number>();
  private seq = 0;
  private readonly acks = new Map<number, { waiting: Set<number>; done: () => void }>();

  constructor(params: RunControlParams) {
    this.p = params;
    this.external = params.planned.find((s) => s.scenario.executor === 'externally-controlled');
    this.vusMax = params.planned.reduce((n, s) => n + s.plan.maxVUs, 0);
  }

  status(): StatusAttributes {
    const stopped = this.p.stopped();
    const phase = this.phase === ExecutionStatus.ended && stopped ? ExecutionStatus.interrupted : this.phase;
    return {
      status: phase,
      paused: this.paused,
      vus: [...this.active.values()].reduce((a, b) => a + b, 0),
      'vus-max': this.vusMax,
      stopped,
      running: phase >= ExecutionStatus.initVUs && phase <= ExecutionStatus.teardown,
      tainted: this.p.tainted(this.startedAtMs === undefined ? 0 : Date.now() - this.startedAtMs),
    };
  }

  async apply(patch: StatusPatch): Promise<void> {
    if (patch.stopped) return this.p.stop(); // as k6: a stop ignores the other fields
    this.check(patch);
    const change: Change = {};
    if (patch.paused !== undefined && patch.paused !== this.paused) this.paused = change.paused = patch.paused;
    if (patch.vus !== undefined) this.target = change.vus = patch.vus;
    if (change.paused !== undefined || change.vus !== undefined) await this.send(change);
  }

  /** The load workers exist and are initializing their VUs. */
  attach(link: WorkerLink): void {
    this.link = link;
    this.phase = ExecutionStatus.initVUs;
  }

  /** The workers are about to start: what was set before now is sent first (they hold their VUs by then). */
  started(): void {
    this.running = true;
    this.startedAtMs = Date.now();
    this.phase = ExecutionStatus.running;
    if (this.paused || this.target !== undefined) void this.send({ paused: this.paused || undefined, vus: this.target });
  }

  /** Every worker message passes here: active VU counts and confirmations of changes. */
  observe(msg: FromWorker): void {
    if (msg.type === 'snapshot' || msg.type === 'controlApplied') this.active.set(msg.workerId, msg.activeVUs);
    if (msg.type === 'done') this.active.set(msg.workerId, 0);
    if (msg.type === 'controlApplied') this.acknowledge(msg.seq, msg.workerId);
  }

  /** The load is over (teardown next); pending PATCHes answer now. */
  detach(): void {
    this.link = undefined;
    this.running = false;
    this.active.clear();
    this.phase = ExecutionStatus.teardown;
    for (const seq of [...this.acks.keys()]) this.finishAck(seq);
  }

  /** Teardown and the summary are done. */
  ended(): void {
    this.phase = ExecutionStatus.ended;
  }

  private check(patch: StatusPatch): void {
    const vusMax = patch['vus-max'];
    if (vusMax !== undefined && vusMax !== this.vusMax) {
      throw new ControlRejected('Config update error', `vus-max cannot be changed at run time (it is ${this.vusMax}): volley pre-allocates every VU when the run starts; raise maxVUs in the externally-controlled scenario instead`);
    }
    if (patch.vus === undefined) return;
    const external = this.external;
    if (!external) throw new ControlRejected('Execution config error', 'an externally-controlled scenario is needed to change vus at run time');
    if (patch.vus > external.plan.maxVUs) {
      throw new ControlRejected('Config update error', `vus (${patch.vus}) must not be more than vus-max (${external.plan.maxVUs}, the maxVUs of scenario ${external.scenario.name})`);
    }
  }

  /** Sends a change to every worker (nothing to send before the start: `started` does it) and waits for their answers. */
  private send(change: Change): Promise<void> {
    const link = this.link;
    if (!link || !this.running) return Promise.resolve();
    const seq = ++this.seq;
    const done = new Promise<void>((resolve) => this.acks.set(seq, { waiting: new Set(Array.from({ length: link.workers }, (_, i) => i)), done: resolve }));
    const timer = setTimeout(() => this.finishAck(seq), ACK_TIMEOUT_MS);
    for (let i = 0; i < link.workers; i++) link.tell(i, { type: 'control', seq, paused: change.paused, vus: this.shareFor(change.vus, i, link.workers) });
    return done.finally(() => clearTimeout(timer));
  }

  private shareFor(target: number | undefined, worker: number, workers: number): { scenario: string; share: number } | undefined {
    if (target === undefined || !this.external) return undefined;
    return { scenario: this.external.scenario.name, share: vuTargetShare(target, this.external.plan.maxVUs, nthSegment(worker, workers)) };
  }

  private acknowledge(seq: number, workerId: number): void {
    const ack = this.acks.get(seq);
    if (!ack) return;
    ack.waiting.delete(workerId);
    if (ack.waiting.size === 0) this.finishAck(seq);
  }

  private finishAck(seq: number): void {
    this.acks.get(seq)?.done();
    this.acks.delete(seq);
  }
}
