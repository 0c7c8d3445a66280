/**
 * How busy the machine is before a round. Two generators compared on a 2-core machine while a test
 * suite or another benchmark runs give a ratio that describes the neighbour, not volley; the harness
 * cannot prevent that, but it says so next to the figures.
 */
import { readFileSync } from 'node:fs';

/** Fraction of all cores busy over `ms` milliseconds (0..1), from /proc/stat; null where there is no /proc. */
export async function busyFraction(ms = 300) {
  const before = cpuTimes();
  if (before === null) return null;
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/** A warning line when more than `threshold` of the machine is busy before a round, else null. */
export async function busyWarning(threshold = 0.15) {
  const busy = await busyFraction();
  if (busy === null || busy <= threshold) return null;
  return `bench: warning: ${(busy * 100).toFixed(0)}% of the CPU was busy before this round (another process is running); figures will be low and noisy`;
}

function cpuTimes() {
  let line;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  } catch {
    return null;
  }
  // cpu user nice system idle iowait irq softirq steal …: idle and iowait are the idle time.
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { total, busy: total - idle };
}
