/**
 * Refuses, before anything starts, a plan whose VUs cannot fit in this machine's memory (104 with
 * the numbers), instead of letting the workers grow to gigabytes, swap, and end with the heap's
 * limit or the kernel's OOM killer. Open files are not judged here: a VU that only sleeps holds
 * none, so running out of them is reported at run time (worker/fd-exhaustion.ts).
 *
 * Two bounds, with the figures of the memory benchmark (benchmarks/README.md, "memory"):
 * - the process: a VU that makes requests keeps one keep-alive connection and its objects in
 *   resident memory; VUs × VU_BYTES + the process and its threads before any VU must fit in the
 *   memory available to this process (cgroup limits included);
 * - each load worker: its V8 heap is capped (WORKER_HEAP), and even a VU that only sleeps holds
 *   some of it, so a worker's share × VU_HEAP_BYTES must fit under the cap. More workers
 *   (`--workers`) is the way out of this one.
 */
import { freemem, totalmem } from 'node:os';
import type { ConfigIssue } from '../errors.js';
import { formatBytes } from '../outputs/format-values.js';
import { WORKER_HEAP } from './warm-threads.js';

/** Resident memory per VU that makes requests (the benchmark's per-VU figure, rounded up). */
export const VU_BYTES = 18_000;
/** The process and its lifecycle thread before any VU (with two idle workers ≈ 100 MB, the 64-VU peak). */
export const BASE_BYTES = 50e6;
/** A load worker before any VU: its isolate, the bundle, undici. */
export const WORKER_BASE_BYTES = 25e6;
/** The least a VU holds in its worker's heap (one that only sleeps; a little under the benchmark's figure): the heap cap's divisor. */
export const VU_HEAP_BYTES = 1_400;

/** What this machine offers: the memory still available to the process, and each load worker's heap cap. */
export interface MemoryBudget {
  availableBytes: number;
  workerHeapBytes: number;
}

/** This process's budget now. */
export function machineBudget(): MemoryBudget {
  return { availableBytes: availableBytes(), workerHeapBytes: WORKER_HEAP.maxOldGenerationSizeMb * 2 ** 20 };
}

/**
 * On Linux, MemAvailable (what the kernel can give without swapping, page cache included), or what
 * a cgroup's limit leaves (a container): process.availableMemory() reads both. Elsewhere the free
 * figure leaves out the cache the system would give back, and can be a small part of what a run
 * could have, so only the total bounds a plan there. A figure that is not positive bounds nothing.
 */
function availableBytes(): number {
  const bytes = process.platform !== 'linux' ? totalmem() : typeof process.availableMemory === 'function' ? process.availableMemory() : freemem();
  return bytes > 0 ? bytes : Number.POSITIVE_INFINITY;
}

/**
 * The problems with running VUs on load workers that get `shares` of them (each worker's VUs, all
 * scenarios together), or [] when they fit.
 */
export function memoryIssues(shares: readonly number[], budget: MemoryBudget): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const vus = shares.reduce((a, b) => a + b, 0);
  const needed = BASE_BYTES + shares.length * WORKER_BASE_BYTES + vus * VU_BYTES;
  if (needed > budget.availableBytes) {
    issues.push({
      path: '',
      message: `${count(vus)} VUs need about ${formatBytes(needed)} of memory (${formatBytes(VU_BYTES)} each, plus ${formatBytes(needed - vus * VU_BYTES)} for volley), and ${formatBytes(budget.availableBytes)} is available: lower the VUs, or run the test from several machines`,
    });
  }
  const largest = Math.max(0, ...shares);
  const perWorker = Math.floor(budget.workerHeapBytes / VU_HEAP_BYTES);
  // Only when the process fits: more workers cannot help one that does not.
  if (issues.length === 0 && largest > perWorker) {
    const workers = Math.ceil(vus / perWorker);
    issues.push({
      path: '',
      message: `${count(largest)} VUs in one load worker cannot fit its heap of ${Math.round(budget.workerHeapBytes / 2 ** 20)} MB (at most about ${count(perWorker)}): spread them over ${workers} or more workers (--workers ${workers})`,
    });
  }
  return issues;
}

/**
 * The most VUs `workers` load workers can hold within `budget` (memoryIssues' two bounds, solved
 * for the VUs), with a tenth kept spare for what moves meanwhile: `volley capacity`'s default
 * --max-vus, whose VUs are made only as the search needs them.
 */
export function vusThatFit(workers: number, budget: MemoryBudget): number {
  const byProcess = (budget.availableBytes - BASE_BYTES - workers * WORKER_BASE_BYTES) / VU_BYTES;
  const byHeaps = workers * Math.floor(budget.workerHeapBytes / VU_HEAP_BYTES);
  return Math.max(1, Math.floor(0.9 * Math.min(byProcess, byHeaps)));
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
