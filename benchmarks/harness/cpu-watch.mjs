/**
 * How much CPU something other than this benchmark took while a leg ran.
 *
 * On a 2-core machine a test suite or another benchmark running beside a leg halves it, and a
 * ratio between two legs then describes the neighbour, not the generators. The harness cannot stop
 * that, so it measures it and prints it beside the figure. From /proc:
 *
 *   others = Δ(busy ticks of all cores) − Δ(ticks of this process tree)
 *
 * where this process tree is the harness itself, its live descendants (nginx, the running
 * generator) and the children it has already reaped (their ticks move into the harness's own
 * cutime/cstime when it waits for them, so a generator that exited during the leg is still
 * counted). Steal (the hypervisor giving the VM's time to someone else) is reported apart.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Starts watching; `stop()` returns `{ othersCores, steal }` for the time in between, or null where there is no /proc. */
export function startCpuWatch() {
  const start = snapshot();
  return {
    stop() {
      const end = snapshot();
      if (start === null || end === null) return null;
      const elapsedPerCore = (end.total - start.total) / end.cores;
      if (elapsedPerCore <= 0) return { othersCores: 0, steal: 0 };
      const others = end.busy - start.busy - (end.ours - start.ours);
      return {
        othersCores: Math.max(0, others) / elapsedPerCore,
        steal: (end.steal - start.steal) / (end.total - start.total),
      };
    },
  };
}

/**
 * A note for a figure taken while others used more than `threshold` of a core (or steal was high),
 * else ''. The measure has a floor of about 0.1 core on a quiet machine: helpers a generator does not
 * reap leave the tree before they are counted (volley's esbuild service, reparented to init when
 * volley exits), and softirq time for loopback traffic is not always charged to a process. A real
 * neighbour (a test suite, another benchmark) takes half a core or more, so 0.25 separates the two.
 */
export function contentionNote(usage, threshold = 0.25) {
  if (usage === null) return '';
  const parts = [];
  if (usage.othersCores > threshold) parts.push(`other processes used ${usage.othersCores.toFixed(2)} cores`);
  if (usage.steal > 0.05) parts.push(`steal ${(usage.steal * 100).toFixed(0)}%`);
  return parts.length > 0 ? `  [busy machine: ${parts.join(', ')}]` : '';
}

function snapshot() {
  let stat;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const lines = stat.split('\n');
  // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
  const fields = lines[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const steal = fields[7] ?? 0;
  const busy = total - fields[3] - (fields[4] ?? 0) - steal;
  const cores = lines.filter((line) => /^cpu\d/.test(line)).length || 1;
  return { total, busy, steal, cores, ours: treeTicks(process.pid) };
}

/** CPU ticks of `root` and its live descendants, each including the ticks of children it has reaped. */
function treeTicks(root) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parsed = readStat(name);
    if (parsed !== null) procs.set(Number(name), parsed);
  }
  let ticks = 0;
  for (const [pid, proc] of procs) {
    if (isDescendant(pid, root, procs)) ticks += proc.ticks;
  }
  return ticks;
}

function isDescendant(pid, root, procs) {
  for (let p = pid, hops = 0; p > 0 && hops < 64; p = procs.get(p)?.ppid ?? 0, hops++) {
    if (p === root) return true;
  }
  return false;
}

/** ppid and utime+stime+cutime+cstime from /proc/PID/stat (the command name may hold spaces and parentheses). */
function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // Exited while we listed /proc.
  }
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
  return { ppid: Number(rest[1]), ticks };
}
