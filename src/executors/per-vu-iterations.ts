/** `per-vu-iterations`: each VU runs the same fixed number of iterations (k6's semantics). */
import type { ExecutorDefinition } from './types.js';
import { readDuration, readInt } from './fields.js';
import { scaleInt } from './segment.js';
import { awaitWithGracefulStop, loopVu } from './graceful-stop.js';

export interface PerVuIterationsConfig {
  vus: number;
  iterations: number;
  maxDurationMs: number;
}

export const perVuIterations = {
  type: 'per-vu-iterations',
  fields: ['vus', 'iterations', 'maxDuration'],
  parse(raw, path, issues) {
    return {
      vus: readInt(raw, 'vus', path, issues, 1, 1),
      iterations: readInt(raw, 'iterations', path, issues, 1, 1),
      maxDurationMs: readDuration(raw, 'maxDuration', path, issues, 600_000),
    };
  },
  plan(c, gracefulStopMs) {
    return { maxVUs: c.vus, maxDurationMs: c.maxDurationMs + gracefulStopMs, iterations: c.vus * c.iterations };
  },
  split(c, seg) {
    return { ...c, vus: scaleInt(c.vus, seg) };
  },
  async run(c, ctx) {
    const endAt = ctx.clock.now() + c.maxDurationMs;
    const loops = ctx.vus.map((vu) => {
      let remaining = c.iterations;
      return loopVu(vu, () => remaining-- > 0 && !ctx.stopping.aborted && ctx.clock.now() < endAt);
    });
    await awaitWithGracefulStop(ctx, loops, endAt);
  },
} satisfies ExecutorDefinition<PerVuIterationsConfig>;
