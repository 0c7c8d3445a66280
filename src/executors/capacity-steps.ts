/**
 * `capacity-steps`: volley capacity's own executor (not one a script's options may name). An open
 * model like constant-arrival-rate, whose rate the coordinator sets step by step while the run goes
 * on: each step (a RateStep, announced through the control channel before it begins) starts its
 * iterations at `rate`/s from its `startMs` for `durationMs`, on the same monotonic timeline as the
 * other arrival-rate executors, each worker taking its stripe of the whole rate (arrival-stripe.ts).
 *
 * Between two steps the previous step's iterations still in flight may finish; those still running
 * when the next step begins are interrupted, so no sample of one step lands in the next. VUs stay
 * active from step to step (their connections stay warm); more are made on demand up to maxVUs,
 * and before each step as many as the previous step needed at its busiest, scaled to the new rate,
 * so that making them does not fall in the measured time. When the run stops, iterations in flight
 * get gracefulStop.
 */
import type { ExecutorContext, ExecutorDefinition, ExternalControl, RateStep } from './types.js';
import { readInt } from './fields.js';
import { scaleInt, segmentWithin } from './segment.js';
import type { ArrivalConfig } from './arrival-executor.js';
import { stripeOffsets } from './arrival-stripe.js';
import { stripeOf, type IterationStripe } from './iteration-stripe.js';
import { ArrivalVuPool } from './arrival-vu-pool.js';
import { startOnSchedule } from './arrival-driver.js';
import { awaitWithGracefulStop } from './graceful-stop.js';

/** The pool of VUs (whole test's counts) and the segment this worker runs; the rates come as steps. */
export type CapacityStepsConfig = ArrivalConfig;

/** The executor's definition, registered as `capacity-steps` (internal: refused in a script's options). */
export const capacitySteps = {
  type: 'capacity-steps',
  internal: true,
  fields: ['preAllocatedVUs', 'maxVUs'],
  parse(raw, path, issues) {
    const preAllocatedVUs = readInt(raw, 'preAllocatedVUs', path, issues, 0, 1);
    return { preAllocatedVUs, maxVUs: Math.max(preAllocatedVUs, readInt(raw, 'maxVUs', path, issues, 1, preAllocatedVUs)) };
  },
  plan(c) {
    const share = (total: number) => (c.segment ? scaleInt(total, c.segment) : total);
    return { maxVUs: share(c.maxVUs), initialVUs: share(c.preAllocatedVUs), maxDurationMs: Infinity };
  },
  split(c, seg) {
    return { ...c, segment: segmentWithin(c.segment, seg) };
  },
  async run(c, ctx) {
    const control = ctx.control;
    if (!control) return; // nothing can announce a step
    const pool = new ArrivalVuPool(ctx, ctx.vus.length);
    const stepping = runSteps(control, stripeOf(c.segment, c.maxVUs), c.maxVUs, pool, ctx).then(() => pool.idle());
    await awaitWithGracefulStop(ctx, [stepping], undefined);
  },
} satisfies ExecutorDefinition<CapacityStepsConfig>;

/** Runs each announced step in turn until the run is asked to stop. */
async function runSteps(control: ExternalControl, stripe: IterationStripe, maxVUs: number, pool: ArrivalVuPool, ctx: ExecutorContext): Promise<void> {
  let done = -1;
  let previous: { rate: number; mostInFlight: number } | undefined;
  for (;;) {
    const step = await nextStep(control, done, ctx.stopping);
    if (!step) return;
    if (previous && previous.rate > 0) makeVus(ctx, Math.ceil((previous.mostInFlight * step.rate) / previous.rate));
    await ctx.clock.sleepUntil(step.startMs, ctx.stopping);
    if (ctx.stopping.aborted) return;
    pool.interruptBusy();
    pool.takeMostInFlight();
    const offsets = stripeOffsets({ rate: step.rate, timeUnitMs: 1000, durationMs: step.durationMs }, stripe);
    await startOnSchedule({ offsets, durationMs: step.durationMs, preAllocatedVUs: 0, maxVUs }, step.startMs, step.startMs + step.durationMs, pool, ctx);
    previous = { rate: step.rate, mostInFlight: pool.takeMostInFlight() };
    done = step.index;
  }
}

/** Makes VUs until this worker has `wanted` (or its share of maxVUs). */
function makeVus(ctx: ExecutorContext, wanted: number): void {
  while (ctx.vus.length < wanted && ctx.addVu?.()) {
    // each call made one
  }
}

/** The first announced step after step `done`; undefined once the run is asked to stop. */
function nextStep(control: ExternalControl, done: number, stopping: AbortSignal): Promise<RateStep | undefined> {
  const ready = () => (control.step && control.step.index > done ? control.step : undefined);
  const now = ready();
  if (now || stopping.aborted) return Promise.resolve(stopping.aborted ? undefined : now);
  return new Promise((resolve) => {
    const finish = (step: RateStep | undefined) => {
      off();
      stopping.removeEventListener('abort', onStop);
      resolve(step);
    };
    const onStop = () => finish(undefined);
    const off = control.onChange(() => {
      const step = ready();
      if (step) finish(step);
    });
    stopping.addEventListener('abort', onStop, { once: true });
  });
}
