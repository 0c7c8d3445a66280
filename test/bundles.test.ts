import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LOAD_WORKER_ENTRY } from '../src/coordinator/warm-threads.js';

/** The built-in modules a thread has loaded once `entry` (a bundle; npm test builds first) is imported in it. */
async function builtinsLoadedBy(entry: URL): Promise<string[]> {
  const code = `import(${JSON.stringify(entry.href)}).then(() => require('node:worker_threads').parentPort.postMessage(process.moduleLoadList))`;
  const worker = new Worker(code, { eval: true, workerData: { warmUp: false }, stdout: true, stderr: true });
  try {
    const loaded = await new Promise<string[]>((resolve, reject) => worker.once('message', resolve).once('error', reject));
    return loaded.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  } finally {
    await worker.terminate();
  }
}

describe('bundles (bin/build-bundles.mjs)', () => {
  it("leave undici's HTTP/2 client out: a load thread loads no http2, tls or crypto", async () => {
    const loaded = await builtinsLoadedBy(LOAD_WORKER_ENTRY);
    expect(loaded).toContain('net'); // it did load: undici's HTTP/1.1 client needs net
    expect(loaded.filter((m) => /^(http2|tls|crypto)$/.test(m))).toEqual([]);
  });
});
