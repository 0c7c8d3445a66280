/**
 * Per-path request counts for the embedded target's `/__stats` route: end-to-end tests compare what
 * volley says it sent with what the server saw.
 */

/** Distinct paths kept before further new paths are folded into one key, so a scan cannot grow memory. */
const MAX_PATHS = 10_000;

/** The key that collects requests to new paths once MAX_PATHS distinct paths have been seen. */
export const OVERFLOW_PATH = '__overflow__';

/**
 * Counts requests by path as requested (query string excluded), plus a running total; with faults
 * on, also the connections the refusing port reset (`refused`, not part of `total`: no request was read).
 */
export class RequestStats {
  #counts = new Map<string, number>();
  #total = 0;
  #refused: number | undefined;

  /** `withRefused`: the snapshot carries `refused` (the target runs with --faults). */
  constructor(withRefused = false) {
    if (withRefused) this.#refused = 0;
  }

  /** Records one request to `path`. */
  count(path: string): void {
    this.#total++;
    const n = this.#counts.get(path);
    if (n !== undefined) this.#counts.set(path, n + 1);
    else if (this.#counts.size < MAX_PATHS) this.#counts.set(path, 1);
    else this.#counts.set(OVERFLOW_PATH, (this.#counts.get(OVERFLOW_PATH) ?? 0) + 1);
  }

  /** How many requests to `path` have been counted (0 for a path folded into OVERFLOW_PATH). */
  countOf(path: string): number {
    return this.#counts.get(path) ?? 0;
  }

  /** Records one connection refused (see faults/refuse-listener.ts). */
  countRefused(): void {
    if (this.#refused !== undefined) this.#refused++;
  }

  /** A copy of the counts, keyed by path, with `total` (and `refused`) beside them (paths start with `/`, so no clash). */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [path, n] of this.#counts) out[path] = n;
    out.total = this.#total;
    if (this.#refused !== undefined) out.refused = this.#refused;
    return out;
  }

  /** Forgets every count. */
  reset(): void {
    this.#counts.clear();
    this.#total = 0;
    if (this.#refused !== undefined) this.#refused = 0;
  }
}
