/** The few statistics the benchmarks report: medians of rounds, and how far the rounds spread. */

/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The spread of rounds: min, max, and (max - min) / median. A relative spread larger than the gap
 * between two generators means the ratio between them is noise on this machine.
 */
export function spread(values) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mid = median(values);
  return { min, max, relative: mid === 0 ? 0 : (max - min) / mid };
}

/** The nearest-rank percentile `p` (0–100) of a non-empty list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('percentile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
