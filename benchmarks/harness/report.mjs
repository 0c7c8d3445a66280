/** Formatting of figure lines: one line per figure, columns aligned, numbers grouped for reading. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `71,234 req/s` (or another unit: `msgs/s`) */
export function formatRate(rps, unit = 'req/s') {
  return `${grouped.format(rps)} ${unit}`;
}

/** A ratio to two decimals, `1.13`; `n/a` when the denominator is missing. */
export function formatRatio(numerator, denominator) {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return 'n/a';
  return (numerator / denominator).toFixed(2);
}

/** `spread 3.1%`: (max - min) / median of the rounds (see stats.mjs). */
export function formatSpread(relative) {
  return `spread ${(relative * 100).toFixed(1)}%`;
}

/** Joins columns with padding so lines of one table line up; the last column is never padded. */
export function columns(cells, widths) {
  return cells.map((cell, i) => (i < cells.length - 1 && widths[i] ? String(cell).padEnd(widths[i]) : cell)).join('  ');
}
