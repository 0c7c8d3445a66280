/**
 * The target's capacity model (`volley target --servers N --service-time DUR`): N servers, each
 * holding a request for a fixed service time, and one FIFO queue for the requests that find every
 * server busy. Its capacity is therefore N / service-time requests per second, and a load above it
 * makes the queue (and the latency) grow without bound, as in a real service. Capacity tests and
 * demos use it as a service whose limit is known.
 *
 * The service time is timed as `/delay` is (wait-at-least.ts: never early), and the time each
 * request really held its server is measured: `/__stats` reports the mean beside the configured
 * one, so a test compares a search's result with the capacity the target actually had. A request
 * whose client went away while it queued is dropped, never served (a real server would notice the
 * closed connection when it reads the request).
 */
import type { ServerResponse } from 'node:http';
import { waitAtLeast } from './wait-at-least.js';

/** The model's settings: how many requests are served at once, and for how long each. */
export interface CapacitySettings {
  servers: number;
  serviceTimeMs: number;
}

/** What `/__stats` reports of the model under `capacity`. */
export interface CapacityStats {
  servers: number;
  serviceTimeMs: number;
  /** The mean time a request held its server (≥ serviceTimeMs); null before the first one. */
  measuredServiceTimeMs: number | null;
  /** servers / measured service time, in requests per second: the capacity the target really had. */
  measuredCapacityPerSecond: number | null;
  served: number;
  /** Requests dropped from the queue because their client went away. */
  abandoned: number;
  queued: number;
  busy: number;
}

interface Waiting {
  res: ServerResponse;
  serve: () => void;
}

/** The servers and the queue of one target. */
export class CapacityModel {
  private readonly settings: CapacitySettings;
  private readonly queue: Waiting[] = [];
  /** Index of the queue's head: shifting a long array per request would cost O(n). */
  private head = 0;
  private busy = 0;
  private served = 0;
  private abandoned = 0;
  private heldMs = 0;

  constructor(settings: CapacitySettings) {
    this.settings = settings;
  }

  /** Runs `serve` (the route's answer) once a server has held this request for the service time. */
  admit(res: ServerResponse, serve: () => void): void {
    const waiting = { res, serve };
    if (this.busy < this.settings.servers) this.start(waiting);
    else this.queue.push(waiting);
  }

  stats(): CapacityStats {
    const mean = this.served > 0 ? this.heldMs / this.served : null;
    return {
      servers: this.settings.servers,
      serviceTimeMs: this.settings.serviceTimeMs,
      measuredServiceTimeMs: mean,
      measuredCapacityPerSecond: mean === null ? null : (this.settings.servers * 1000) / mean,
      served: this.served,
      abandoned: this.abandoned,
      queued: this.queue.length - this.head,
      busy: this.busy,
    };
  }

  /** Forgets the measurements (with `POST /__stats/reset`); the queue and busy servers stay. */
  reset(): void {
    this.served = 0;
    this.abandoned = 0;
    this.heldMs = 0;
  }

  private start(waiting: Waiting): void {
    this.busy++;
    const began = performance.now();
    // A server, once it took a request, finishes it even if the client leaves meanwhile.
    waitAtLeast(this.settings.serviceTimeMs, () => {
      this.heldMs += performance.now() - began;
      this.served++;
      this.busy--;
      if (!waiting.res.destroyed) waiting.serve();
      this.next();
    });
  }

  private next(): void {
    while (this.head < this.queue.length && this.busy < this.settings.servers) {
      const waiting = this.queue[this.head]!;
      this.queue[this.head++] = undefined as unknown as Waiting; // let the response be collected
      if (waiting.res.destroyed) this.abandoned++;
      else this.start(waiting);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
