/**
 * The ExternalControl an executor reads, fed by the worker from the coordinator's `control`
 * messages (and by tests directly). Changes are applied synchronously: listeners run inside `set`.
 */
import type { ExternalControl, RateStep } from './types.js';

export class ControlChannel implements ExternalControl {
  private current: { vus: number; paused: boolean; step: RateStep | undefined };
  private readonly listeners = new Set<() => void>();

  constructor(vus: number, paused = false) {
    this.current = { vus, paused, step: undefined };
  }

  get vus(): number {
    return this.current.vus;
  }

  get paused(): boolean {
    return this.current.paused;
  }

  get step(): RateStep | undefined {
    return this.current.step;
  }

  /** Applies a change (fields left out keep their value) and tells the listeners when anything changed. */
  set(change: { vus?: number; paused?: boolean; step?: RateStep }): void {
    const next = { vus: change.vus ?? this.current.vus, paused: change.paused ?? this.current.paused, step: change.step ?? this.current.step };
    if (next.vus === this.current.vus && next.paused === this.current.paused && next.step === this.current.step) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
