/** `shared-iterations`: a fixed number of iterations shared by a fixed number of VUs (k6's semantics). */
import type { ExecutorDefinition } from './types.js';
import { readDuration, readInt } from './fields.js';
import { scaleInt, scaleIntAlong } from './segment.js';
import { awaitWithGracefulStop, loopVu } from './graceful-stop.js';

export interface SharedIterationsConfig {
  vus: number;
  iterations: number;
  maxDurationMs: number;
}

export const sharedIterations = {
  type: 'shared-iterations',
  fields: ['vus', 'iterations', 'maxDuration'],
  parse(raw, path, issues) {
    const vus = readInt(raw, 'vus', path, issues, 1, 1);
    const iterations = readInt(raw, 'iterations', path, issues, 1, 1);
    const maxDurationMs = readDuration(raw, 'maxDuration', path, issues, 600_000);
    if (iterations < vus) {
      issues.push({ path: `${path}.iterations`, message: `(${iterations}) can't be less than the number of VUs (${vus})` });
    }
    return { vus, iterations, maxDurationMs };
  },
  plan(c, gracefulStopMs) {
    return { maxVUs: c.vus, maxDurationMs: c.maxDurationMs + gracefulStopMs };
  },
  split(c, seg) {
    // Iterations follow the VU split, so a worker without VUs gets no iterations to strand.
    return { ...c, vus: scaleInt(c.vus, seg), iterations: scaleIntAlong(c.iterations, c.vus, seg) };
  },
  async run(c, ctx) {
    let remaining = c.iterations;
    const endAt = ctx.clock.now() + c.maxDurationMs;
    const more = () => {
      if (remaining <= 0 || ctx.stopping.aborted || ctx.clock.now() >= endAt) return false;
      remaining--;
      return true;
    };
    await awaitWithGracefulStop(ctx, ctx.vus.map((vu) => loopVu(vu, more)), endAt);
  },
} satisfies ExecutorDefinition<SharedIterationsConfig>;
