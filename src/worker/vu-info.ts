/**
 * `vu` of the iteration context (k6's `exec.vu`): a class, so every VU's info shares one hidden
 * class and its getters live on the prototype (an object literal with getters closing over
 * per-VU variables gets a map and descriptor array of its own, per VU).
 */
import type { VuInfo } from '../api/context.js';

/** What the info reads its iteration counts from: the VU, attached once it exists. */
export interface IterationCounter {
  readonly iterationInScenario: number;
}

export class VuInfoView implements VuInfo {
  readonly idInTest: number;
  readonly idInInstance: number;
  #counter: IterationCounter | null = null;
  #state: Record<string, unknown> | undefined;

  constructor(idInTest: number, idInInstance: number) {
    this.idInTest = idInTest;
    this.idInInstance = idInInstance;
  }

  /** Attaches the VU (made after its context, which holds this info). */
  attach(counter: IterationCounter): void {
    this.#counter = counter;
  }

  get iterationInScenario(): number {
    return (this.#counter?.iterationInScenario ?? 0) - 1;
  }

  get iterationInInstance(): number {
    return this.iterationInScenario;
  }

  /** Made on first use: most scenarios never keep per-VU state. */
  get state(): Record<string, unknown> {
    return (this.#state ??= {});
  }
}
