import { describe, expect, it } from 'vitest';
import { waitAtLeast } from '../../src/target/wait-at-least.js';

function elapsedOf(ms: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => waitAtLeast(ms, () => resolve(performance.now() - start)));
}

describe('waitAtLeast', () => {
  it.each([1, 2, 5, 10, 25])('never calls back before %i ms have passed', async (ms) => {
    const runs = await Promise.all(Array.from({ length: 20 }, () => elapsedOf(ms)));
    expect(Math.min(...runs)).toBeGreaterThanOrEqual(ms);
  });

  it('calls back for 0 ms', async () => {
    expect(await elapsedOf(0)).toBeGreaterThanOrEqual(0);
  });

  it('does not call back once cancelled', async () => {
    let called = false;
    const wait = waitAtLeast(5, () => {
      called = true;
    });
    wait.cancel();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(called).toBe(false);
  });
});
