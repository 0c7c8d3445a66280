import { describe, expect, it } from 'vitest';
import { BASE_BYTES, VU_BYTES, VU_HEAP_BYTES, WORKER_BASE_BYTES, memoryIssues } from '../../src/coordinator/memory-fit.js';

const GB = 1e9;
const budget = (availableBytes: number, workerHeapBytes = 2 ** 30) => ({ availableBytes, workerHeapBytes });

describe('memoryIssues', () => {
  it('passes VUs that fit in the memory available and in each worker heap', () => {
    expect(memoryIssues([50_000, 50_000], budget(4 * GB))).toEqual([]);
  });

  it('passes exactly what fits, and refuses one VU more, naming the numbers', () => {
    const fits = BASE_BYTES + 2 * WORKER_BASE_BYTES + 1000 * VU_BYTES;
    expect(memoryIssues([500, 500], budget(fits))).toEqual([]);
    const [issue] = memoryIssues([501, 500], budget(fits));
    expect(issue?.message).toBe('1,001 VUs need about 118 MB of memory (18 kB each, plus 100 MB for volley), and 118 MB is available: lower the VUs, or run the test from several machines');
  });

  it('refuses a worker share that cannot fit its heap, and says how many workers would do', () => {
    const perWorker = Math.floor(2 ** 30 / VU_HEAP_BYTES);
    expect(memoryIssues([perWorker], budget(100 * GB))).toEqual([]);
    const [issue] = memoryIssues([1_000_000], budget(100 * GB));
    expect(issue?.message).toBe(`1,000,000 VUs in one load worker cannot fit its heap of 1024 MB (at most about ${perWorker.toLocaleString('en-US')}): spread them over 2 or more workers (--workers 2)`);
  });

  it('names only the memory when neither fits: more workers cannot help', () => {
    expect(memoryIssues([5e8, 5e8], budget(24 * GB)).map((i) => i.message)).toEqual([expect.stringMatching(/^1,000,000,000 VUs need about 18 TB of memory/)]);
  });
});
