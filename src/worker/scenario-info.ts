/**
 * `scenario` of the iteration context (k6's `exec.scenario`): one view per VU over what its
 * scenario's VUs share, so `iterationInTest` is the calling VU's own iteration's number, fixed for
 * that iteration however many others start meanwhile. A class, as vu-info.ts explains.
 */
import type { ScenarioInfo } from '../api/context.js';

/** What the VUs of one scenario in this worker share. */
export class ScenarioState {
  readonly name: string;
  readonly executor: string;
  /** The scenario's planned length without its graceful stop (for `progress`). */
  readonly durationMs: number;
  /** Unix ms when the scenario started; 0 before. */
  startTime = 0;

  constructor(name: string, executor: string, durationMs: number) {
    this.name = name;
    this.executor = executor;
    this.durationMs = durationMs;
  }

  get progress(): number {
    return this.startTime === 0 ? 0 : Math.min(1, (Date.now() - this.startTime) / Math.max(1, this.durationMs));
  }
}

/** What the view reads the iteration's number from: the VU, attached once it exists. */
export interface IterationNumber {
  readonly iterationInTest: number;
}

export class ScenarioInfoView implements ScenarioInfo {
  readonly #state: ScenarioState;
  #number: IterationNumber | null = null;

  constructor(state: ScenarioState) {
    this.#state = state;
  }

  /** Attaches the VU (made after its context, which holds this view). */
  attach(number: IterationNumber): void {
    this.#number = number;
  }

  get name(): string {
    return this.#state.name;
  }

  get executor(): string {
    return this.#state.executor;
  }

  get startTime(): number {
    return this.#state.startTime;
  }

  get progress(): number {
    return this.#state.progress;
  }

  get iterationInTest(): number {
    return this.#number?.iterationInTest ?? 0;
  }
}
