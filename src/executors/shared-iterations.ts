/** `shared-iterations`: a fixed number of iterations shared by a fixed number of VUs (k6's semantics). */
import type { ExecutorDefinition } from './types.js';
import { readDuration, readInt } from './fields.js';
import { scaleInt } from './segment.js';
import { ownedBelow, stripeOf } from './iteration-stripe.js';
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
    return { maxVUs: c.vus, maxDurationMs: c.maxDurationMs + gracefulStopMs, iterations: c.iterations };
  },
  split(c, seg) {
    // A segment runs the iterations its stripe owns below the total (none without VUs, none to
    // strand), so its `scenario.iterationInTest` numbers and the others' are exactly 0 … iterations−1.
    return { ...c, vus: scaleInt(c.vus, seg), iterations: ownedBelow(stripeOf(seg, c.vus), c.iterations) };
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
