/**
 * What /proc says about a process's memory and this machine's open-files limit. RSS is read from
 * /proc/PID/status (VmRSS, VmHWM), which counts one process with all its threads: for volley the
 * coordinator and every worker thread, but not esbuild's service, which is a child process.
 */
import { readFileSync } from 'node:fs';

/** `{ rssKb, hwmKb }` of `pid` (current and peak resident set), or null once it has exited. */
export function readMemory(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/**
 * This process's open-files limits `{ soft, hard }` from /proc/self/limits (children inherit them;
 * `unlimited` reads as Infinity), or null where there is no /proc.
 */
export function openFilesLimit() {
  let text;
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
  const m = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (m === null) return null;
  const value = (s) => (s === 'unlimited' ? Infinity : Number(s));
  return { soft: value(m[1]), hard: value(m[2]) };
}
