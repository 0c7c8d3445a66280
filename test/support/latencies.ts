/** Deterministic, realistic latencies for metric tests. */

/** n latencies in ms from `seed`: log-normal-ish around 5 ms, with a 1 % tail up to 3 s. */
export function latencies(n: number, seed: number): number[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => (rnd() < 0.01 ? rnd() * 3000 : 5 * Math.exp((rnd() - 0.5) * 4)));
}
