import { describe, expect, it } from 'vitest';
import { recordStep, roundRate, startSearch, sustainableRate, type SearchSettings, type SearchState, type StepVerdict } from '../../src/capacity/search.js';

const DEFAULTS: SearchSettings = { startRate: 50, maxRate: 100_000, precision: 0.05 };

/** Runs a whole search against `service`; returns the end state and the rates offered. */
function search(settings: SearchSettings, service: (rate: number) => StepVerdict): { state: SearchState; rates: number[] } {
  let state = startSearch(settings);
  const rates: number[] = [];
  while (state.next !== undefined) {
    rates.push(state.next);
    state = recordStep(state, service(state.next));
    if (rates.length > 100) throw new Error('the search does not end');
  }
  return { state, rates };
}

/** A simulated service that meets its SLOs up to `capacity` requests per second and breaks them above. */
const limitAt = (capacity: number) => (rate: number): StepVerdict => ({ kind: rate <= capacity ? 'pass' : 'fail' });

/**
 * A simulated service whose p99 latency rises smoothly with the load (an M/D/1-like 20 / (1 − ρ) ms),
 * judged against `p(99)<100`: it meets the SLO up to ρ = 0.8, i.e. 0.8 · capacity.
 */
const smoothService = (capacity: number) => (rate: number): StepVerdict => {
  const rho = rate / capacity;
  const p99 = rho < 1 ? 20 / (1 - rho) : Number.POSITIVE_INFINITY;
  return { kind: p99 < 100 ? 'pass' : 'fail' };
};

const maxSteps = (capacity: number, start: number) => Math.floor(Math.log2(capacity / start)) + 2 + 4;

describe('the capacity search', () => {
  it.each([20, 21, 37, 50, 99, 128, 350, 1000, 2340, 5000, 12_345, 20_000])('converges within 5 %% on a service of capacity %i/s', (capacity) => {
    const { state, rates } = search({ ...DEFAULTS, startRate: 10 }, limitAt(capacity));
    const found = sustainableRate(state)!;
    expect(state.end).toEqual({ kind: 'converged' });
    expect(found).toBeLessThanOrEqual(capacity);
    expect(found).toBeGreaterThanOrEqual(capacity / 1.05);
    expect(state.bad! / state.good!).toBeLessThanOrEqual(1.05);
    expect(rates.length).toBeLessThanOrEqual(maxSteps(capacity, 10));
  });

  it.each([80, 350, 4000, 20_000])('finds the SLO-limited rate of a service whose latency grows smoothly (capacity %i/s)', (capacity) => {
    const { state } = search(DEFAULTS, smoothService(capacity));
    expect(sustainableRate(state)).toBeLessThanOrEqual(0.8 * capacity);
    expect(sustainableRate(state)).toBeGreaterThanOrEqual((0.8 * capacity) / 1.05);
  });

  it('takes the steps docs/capacity.md counts for 350/s from the default start: 4 growing, 4 bisecting', () => {
    const { rates } = search(DEFAULTS, limitAt(345));
    expect(rates).toEqual([50, 100, 200, 400, 283, 336, 367, 351]);
  });

  it.each([0.01, 0.02, 0.1, 0.25])('stops once the bracket is within a precision of %d', (precision) => {
    const { state } = search({ ...DEFAULTS, precision }, limitAt(777));
    expect(state.bad! / state.good!).toBeLessThanOrEqual(1 + precision);
    expect(state.good!).toBeLessThanOrEqual(777);
  });

  it('stops at --max-rate when that passes, with the max rate as the answer', () => {
    const { state, rates } = search({ ...DEFAULTS, maxRate: 300 }, limitAt(1e9));
    expect(rates).toEqual([50, 100, 200, 300]);
    expect(state.end).toEqual({ kind: 'max-rate' });
    expect(sustainableRate(state)).toBe(300);
  });

  it('bisects below --max-rate when that fails', () => {
    const { state } = search({ ...DEFAULTS, maxRate: 300 }, limitAt(250));
    expect(state.end).toEqual({ kind: 'converged' });
    expect(state.bad).toBeLessThanOrEqual(300);
  });

  it('ends at the first step when the service fails at the start rate', () => {
    const { state, rates } = search(DEFAULTS, limitAt(20));
    expect(rates).toEqual([50]);
    expect(state.end).toEqual({ kind: 'below-start' });
    expect(sustainableRate(state)).toBeUndefined();
  });

  it('ends for good at a step the generator limited, keeping the last passing rate', () => {
    const generator = (rate: number): StepVerdict => (rate > 150 ? { kind: 'limited', reason: 'dropped iterations' } : { kind: 'pass' });
    const { state, rates } = search(DEFAULTS, generator);
    expect(rates).toEqual([50, 100, 200]);
    expect(state.end).toEqual({ kind: 'limited', reason: 'dropped iterations' });
    expect(sustainableRate(state)).toBe(100);
  });

  it('refuses a verdict once the search has ended', () => {
    const { state } = search(DEFAULTS, limitAt(1));
    expect(() => recordStep(state, { kind: 'pass' })).toThrow(RangeError);
  });
});

describe('roundRate', () => {
  it.each([
    [282.84, 283],
    [1414.2, 1410],
    [14142.1, 14100],
    [35.355, 35.4],
    [0.12345, 0.12],
    [7, 7],
  ])('%d → %d', (rate, rounded) => {
    expect(roundRate(rate)).toBe(rounded);
  });
});
