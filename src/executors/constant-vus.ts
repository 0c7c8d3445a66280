/** `constant-vus`: a fixed number of VUs looping for a fixed duration (k6's semantics). */
import type { ExecutorDefinition } from './types.js';
import { readDuration, readInt } from './fields.js';
import { scaleInt } from './segment.js';
import { awaitWithGracefulStop, loopVu } from './graceful-stop.js';

export interface ConstantVusConfig {
  vus: number;
  durationMs: number;
}

export const constantVus = {
  type: 'constant-vus',
  fields: ['vus', 'duration'],
  parse(raw, path, issues) {
    const config = { vus: readInt(raw, 'vus', path, issues, 1, 1), durationMs: readDuration(raw, 'duration', path, issues) };
    if (raw.duration !== undefined && config.durationMs <= 0) issues.push({ path: `${path}.duration`, message: 'must be longer than 0s' });
    return config;
  },
  plan(c, gracefulStopMs) {
    return { maxVUs: c.vus, maxDurationMs: c.durationMs + gracefulStopMs };
  },
  split(c, seg) {
    return { ...c, vus: scaleInt(c.vus, seg) };
  },
  async run(c, ctx) {
    const endAt = ctx.clock.now() + c.durationMs;
    const more = () => !ctx.stopping.aborted && ctx.clock.now() < endAt;
    await awaitWithGracefulStop(ctx, ctx.vus.map((vu) => loopVu(vu, more)), endAt);
  },
} satisfies ExecutorDefinition<ConstantVusConfig>;
