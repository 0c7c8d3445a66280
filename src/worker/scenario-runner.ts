/**
 * Runs one scenario's share in this worker: builds its VUs (each with its context, tags and abort
 * controller), waits for its startTime, and hands the VUs to its executor.
 */
import type { WorkerScenario } from '../ipc/messages.js';
import type { IterationFunction } from '../api/context.js';
import type { Clock, RateStep } from '../executors/types.js';
import { executorFor } from '../executors/registry.js';
import { ControlChannel } from '../executors/control-channel.js';
import { EngineError } from '../errors.js';
import { createContext, type ContextServices } from './iteration-context.js';
import { TagCache, VuTagState } from './vu-tags.js';
import { Vu, type VuShared } from './vu.js';
import { IterationSignal } from './iteration-signal.js';
import { PendingCalls } from './pending-calls.js';
import { VuInfoView } from './vu-info.js';
import { ScenarioInfoView, ScenarioState } from './scenario-info.js';
import { StripeNumbers } from '../executors/iteration-stripe.js';
import { BUILTIN } from '../metrics/builtin.js';
import type { MetricSink } from '../metrics/sink.js';
import type { TagSet } from '../metrics/tags.js';

/** Lets the worker count active VUs as scenarios start and end. */
export interface ScenarioHooks {
  onActive(delta: number): void;
  /** A VU was made on demand (`vus_max` grows). */
  onCreated(): void;
  /** Sends the coordinator a warning it prints once per `key`. */
  warn(key: string, message: string): void;
}

export class ScenarioRunner {
  /** The VUs made so far: all of the share's, or its `initialVus` and those added on demand since. */
  readonly vus: Vu[];
  private readonly newVu: (index: number) => Vu;
  private readonly scenario: WorkerScenario;
  private readonly sink: MetricSink;
  private readonly scenarioTags: TagSet;
  /** What the control API set for this scenario; the executor reads it (externally-controlled does). */
  private readonly controlChannel: ControlChannel;
  private readonly state: ScenarioState;
  /** This scenario's active VUs in this worker (the coordinator's progress display shows them per scenario). */
  private active = 0;
  constructor(
    scenario: WorkerScenario,
    fn: IterationFunction<unknown>,
    services: ContextServices,
    shared: Omit<VuShared, 'nextIterationInTest'>,
    env: Record<string, string>,
    runTags: Record<string, string>,
    vuIdInInstanceBase: number,
    setupData: string | undefined,
  ) {
    this.scenario = scenario;
    this.sink = shared.sink;
    this.controlChannel = new ControlChannel(typeof scenario.config.vus === 'number' ? scenario.config.vus : 0, shared.gate.closed);
    this.state = new ScenarioState(scenario.name, scenario.executor, scenario.durationMs);
    const numbers = new StripeNumbers(scenario.iterationStripe);
    let started = 0;
    // Numbered as they start, from this worker's stripe of the scenario's iterations (no message between workers).
    const vuShared: VuShared = { ...shared, nextIterationInTest: () => numbers.nth(started++) };
    const tagCache = new TagCache({ ...runTags, ...scenario.tags, scenario: scenario.name });
    this.scenarioTags = new VuTagState(tagCache).current;
    const scenarioEnv = Object.freeze({ ...env, ...scenario.env });
    this.newVu = (i) => {
      const idInTest = scenario.vuIdBase + i + 1;
      const label = `vu ${idInTest}`;
      const tags = new VuTagState(tagCache);
      const abort = new IterationSignal();
      const info = new VuInfoView(idInTest, vuIdInInstanceBase + i + 1);
      const scenarioInfo = new ScenarioInfoView(this.state);
      const pending = new PendingCalls(abort, tags);
      const owned = createContext(services, tags, abort, scenarioEnv, scenarioInfo, label, { info, setupData, pending });
      const vu = new Vu(fn, owned, tags, abort, pending, vuShared, label);
      info.attach(vu);
      scenarioInfo.attach(vu);
      return vu;
    };
    this.vus = Array.from({ length: scenario.initialVus ?? scenario.vus }, (_, i) => this.newVu(i));
  }

  get name(): string {
    return this.scenario.name;
  }

  get activeVUs(): number {
    return this.active;
  }

  /** Applies a control API change (pause, this worker's share of the VU target, a rate step) to the executor's channel. */
  applyControl(change: { vus?: number; paused?: boolean; step?: RateStep }): void {
    this.controlChannel.set(change);
  }

  /** Waits for startTime, then runs the executor on this worker's VUs. */
  async run(clock: Clock, stopping: AbortSignal, hardStop: AbortSignal, hooks: ScenarioHooks): Promise<void> {
    const executor = executorFor(this.scenario.executor);
    if (!executor) throw new EngineError(`unknown executor ${this.scenario.executor} in worker`);
    await clock.sleepUntil(this.scenario.startTimeMs, stopping);
    if (stopping.aborted || this.scenario.vus === 0) return;
    this.state.startTime = Date.now();
    let reported = false;
    const setActiveVUs = (count: number) => {
      reported = true;
      if (count === this.active) return;
      hooks.onActive(count - this.active);
      this.active = count;
    };
    const dropped = this.sink.series(BUILTIN.dropped_iterations, this.scenarioTags);
    let warnedInsufficient = false;
    try {
      const running = executor.run(this.scenario.config, {
        vus: this.vus,
        clock,
        stopping,
        hardStop,
        gracefulStopMs: this.scenario.gracefulStopMs,
        setActiveVUs,
        dropIterations: (count) => dropped.add(count),
        insufficientVUs: (maxVUs) => {
          if (warnedInsufficient) return;
          warnedInsufficient = true;
          hooks.warn(`insufficient-vus:${this.scenario.name}`, insufficientVUsText(this.scenario.name, maxVUs));
        },
        control: this.controlChannel,
        addVu: () => {
          if (this.vus.length >= this.scenario.vus) return false;
          this.vus.push(this.newVu(this.vus.length));
          hooks.onCreated();
          return true;
        },
      });
      // An executor that reports its count as it starts (a ramp from 0, externally-controlled) is
      // taken at its word, so the `vus` gauge never shows every VU active for an instant; one
      // that never reports has all its VUs active.
      if (!reported) setActiveVUs(this.vus.length);
      await running;
    } finally {
      hooks.onActive(-this.active);
      this.active = 0;
      await Promise.all(this.vus.map((vu) => vu.close()));
    }
  }
}

/** k6's warning (lib/executor/*_arrival_rate.go), naming the scenario and what to change. */
function insufficientVUsText(scenario: string, maxVUs: number): string {
  return `Insufficient VUs, reached ${maxVUs} active VUs and cannot initialize more (scenario ${scenario}, maxVUs: ${maxVUs}): iterations that find no free VU are dropped (dropped_iterations); raise maxVUs`;
}
