/**
 * The load workers a run still waits for, and which of them stopped answering. A worker whose event
 * loop is blocked (an iteration in a loop that never awaits) cannot end its iterations at
 * gracefulStop, send `done`, or exit: only the coordinator can end it. A live worker sends a
 * snapshot every second, so one that is not done by the time it should be (the scenarios' end plus
 * their gracefulStop and a grace, or a stop) and has sent nothing for SILENT_MS is blocked, and is
 * reported once. A worker that is late but still sends (a scenario paused through the control API)
 * is left alone: its executors end it.
 */

/** A missed snapshot, plus room for a busy machine. */
export const SILENT_MS = 1500;
const RECHECK_MS = 250;

export class PendingWorkers {
  private readonly lastHeardAt: number[];
  private readonly settled: boolean[];
  private left: number;
  private deadline = Infinity;
  private timer: NodeJS.Timeout | undefined;
  private readonly onBlocked: (index: number, lastHeardAt: number) => void;

  /** `onBlocked` gets a blocked worker, with the unix ms it was last heard from, at every check until it is settled. */
  constructor(count: number, onBlocked: (index: number, lastHeardAt: number) => void) {
    this.lastHeardAt = Array.from({ length: count }, () => Date.now());
    this.settled = Array.from({ length: count }, () => false);
    this.left = count;
    this.onBlocked = onBlocked;
  }

  /** Workers neither done nor gone. */
  get count(): number {
    return this.left;
  }

  /** Worker `index` sent something: its event loop turns. */
  heard(index: number): void {
    if (index in this.lastHeardAt) this.lastHeardAt[index] = Date.now();
  }

  /** Worker `index` is done or gone; false when it already was. */
  settle(index: number): boolean {
    if (this.settled[index] !== false) return false;
    this.settled[index] = true;
    this.left--;
    if (this.left === 0) clearTimeout(this.timer);
    return true;
  }

  /** From `atMs` (unix ms) on, a pending worker silent for SILENT_MS is blocked. The earliest deadline holds. */
  expectDoneBy(atMs: number): void {
    if (atMs >= this.deadline || this.left === 0) return;
    this.deadline = atMs;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), Math.max(0, atMs - Date.now()));
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private check(): void {
    const now = Date.now();
    this.settled.forEach((settled, i) => {
      const heardAt = this.lastHeardAt[i]!;
      if (!settled && now - heardAt >= SILENT_MS) this.onBlocked(i, heardAt);
    });
    if (this.left > 0) this.timer = setTimeout(() => this.check(), RECHECK_MS);
  }
}
