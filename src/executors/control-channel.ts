/**
 * The ExternalControl an executor reads, fed by the worker from the coordinator's `control`
 * messages (and by tests directly). Changes are applied synchronously: listeners run inside `set`.
 */
import type { ExternalControl } from './types.js';

export class ControlChannel implements ExternalControl {
  private current: { vus: number; paused: boolean };
  private readonly listeners = new Set<() => void>();

  constructor(vus: number, paused = false) {
    this.current = { vus, paused };
  }

  get vus(): number {
    return this.current.vus;
  }

  get paused(): boolean {
    return this.current.paused;
  }

  /** Applies a change (fields left out keep their value) and tells the listeners when anything changed. */
  set(change: { vus?: number; paused?: boolean }): void {
    const next = { vus: change.vus ?? this.current.vus, paused: change.paused ?? this.current.paused };
    if (next.vus === this.current.vus && next.paused === this.current.paused) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
