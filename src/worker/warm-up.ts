/**
 * Runs, before the worker says ready, what a run's first requests would otherwise do for the first
 * time inside second 0: undici's HTTP/1 client (its llhttp WebAssembly is compiled on the first
 * connection), a keep-alive request loop, and the metrics path (recording into an HDR histogram and
 * encoding a snapshot). Without it the worker stalls 25–60 ms in the run's first second, which shows
 * as a p99 above the other seconds'. Against a server on 127.0.0.1:0 inside this thread; nothing it
 * records leaves the thread. A failure here only means a colder start, so it is swallowed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'undici';
import { BUILTIN } from '../metrics/builtin.js';
import { TagSet } from '../metrics/tags.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

/** Requests in the warm-up loop: enough for the request path's functions to leave the interpreter. */
const REQUESTS = 8;

export async function warmUpHotPath(): Promise<void> {
  try {
    await warmHttp();
    warmMetrics();
  } catch {
    // a colder first second, nothing worse
  }
}

async function warmHttp(): Promise<void> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const client = new Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    for (let i = 0; i < REQUESTS; i++) {
      const res = await client.request({ method: 'GET', path: '/' });
      await res.body.text();
    }
  } finally {
    await client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function warmMetrics(): void {
  const metrics = new WorkerMetrics(() => {});
  const tags = TagSet.of({ name: 'warm-up' });
  for (let i = 0; i < REQUESTS; i++) metrics.add(BUILTIN.http_req_duration, 1 + i / 10, tags);
  metrics.snapshot();
}
