#!/usr/bin/env node
/**
 * Relative throughput of volley's HTTP client against bare undici, on one connection per loop.
 *
 *   npm run build && node benchmarks/http-client.mjs [--duration 5] [--connections 64] [--rounds 1]
 *     [--server http|raw] [--url http://127.0.0.1:PORT/] [--only name,name]
 *
 * A node:http server runs in a child process on 127.0.0.1 (the other core); this process runs
 * `--connections` async loops per variant, each owning its connection as a VU does, for `--duration`
 * seconds after a short warm-up, and prints requests/s and this process's CPU time per request. The
 * Node server saturates before the client does, so requests/s are only relative; CPU µs per request
 * (and its inverse, requests/s per client core) is the figure that compares the clients. With
 * --rounds N the variants run interleaved N times and the medians are printed at the end, which
 * evens out a machine whose other work comes and goes. `--server raw` swaps node:http for a TCP
 * server that answers each bodiless request with a canned response (no HTTP parsing), so the
 * server is less of a bottleneck and the client's own cost shows more. `--url` targets a server
 * already running (the http-throughput bench's nginx, say) instead of starting one.
 *
 * Variants:
 *   volley           `await http.get(url)` through createHttp (dist/), no-op sink, fixed TagSet
 *   volley-sink      the same recording into the worker's real MetricSink (WorkerMetrics, HDR trends)
 *   dispatch-cb      Client.dispatch with a minimal old-style handler, next request from onComplete
 *   dispatch-async   the same handler wrapped in one promise per request, awaited in an async loop
 *   dispatch-new     a minimal new-style handler (onRequestStart/onResponse*), promise + async loop
 *   request-text     Client.request() + body.text() in an async loop
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Client } from 'undici';
import { createHttp } from '../dist/clients/http/index.js';
import { TagSet } from '../dist/metrics/tags.js';
import { WorkerMetrics } from '../dist/metrics/worker-metrics.js';
import { signalInterrupts } from '../dist/clients/signal-interrupts.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '1' },
    only: { type: 'string', default: '' },
    rounds: { type: 'string', default: '1' },
    server: { type: 'string', default: 'http' },
    url: { type: 'string', default: '' },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CONNECTIONS = Number(args.connections);

const SERVER = `
  const http = require('node:http');
  const body = Buffer.from('hello world');
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const RAW_SERVER = `
  const net = require('node:net');
  const response = Buffer.from('HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 11\\r\\nKeep-Alive: timeout=60\\r\\n\\r\\nhello world');
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    let tail = '';
    socket.on('data', (chunk) => {
      const text = tail + chunk.toString('latin1');
      let n = 0;
      let at = text.indexOf('\\r\\n\\r\\n');
      let end = 0;
      while (at !== -1) { n++; end = at + 4; at = text.indexOf('\\r\\n\\r\\n', end); }
      tail = text.slice(end);
      if (n > 0) socket.write(n === 1 ? response : Buffer.concat(Array(n).fill(response)));
    });
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer() {
  if (args.url) return { child: { kill() {} }, url: args.url };
  const child = spawn(process.execPath, ['-e', args.server === 'raw' ? RAW_SERVER : SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout, 'data');
  return { child, url: `http://127.0.0.1:${String(chunk).trim()}/` };
}

/** Runs `loop(stop)` on every connection; counts completions reported through `count()`. */
async function measure(name, makeLoop) {
  const counter = { n: 0, stopAt: Number.POSITIVE_INFINITY };
  const loops = [];
  const closers = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const { run, close } = makeLoop(counter);
    loops.push(run());
    closers.push(close);
  }
  await sleep(WARMUP_MS);
  const n0 = counter.n;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await sleep(DURATION_MS);
  const cpu = process.cpuUsage(cpu0);
  const n1 = counter.n;
  const t1 = performance.now();
  counter.stopAt = 0;
  await Promise.all(loops);
  await Promise.all(closers.map((c) => c()));
  const n = n1 - n0;
  const rps = (n * 1000) / (t1 - t0);
  const cpuUs = cpu.user + cpu.system;
  // Client CPU per request is the figure that does not depend on the server's speed.
  const perCore = (n * 1e6) / cpuUs;
  console.log(
    `${name.padEnd(16)} ${fmt(rps)} req/s   client CPU ${((cpuUs / 1000 / (t1 - t0)) * 100).toFixed(0).padStart(3)}%   ` +
      `${(cpuUs / n).toFixed(2).padStart(6)} µs CPU/req   ${fmt(perCore)} req/s per client core`,
  );
  return { rps, perCore };
}

const fmt = (n) => Math.round(n).toString().padStart(8);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const NOOP_RECORDER = { add() {} };
const NOOP_SINK = { series: () => NOOP_RECORDER, add() {} };
const TAGS = { current: TagSet.of({ scenario: 'default', group: '' }) };
const HTTP_DEFAULTS = { maxRedirects: 10, userAgent: 'volley/bench', discardResponseBodies: false, timeoutMs: 60_000, noConnectionReuse: false };

function volleyLoop(url, sink = NOOP_SINK) {
  return (counter) => {
    const http = createHttp({ sink, tags: TAGS, interrupts: signalInterrupts(new AbortController().signal), now: () => performance.now() }, HTTP_DEFAULTS);
    return {
      async run() {
        while (performance.now() < counter.stopAt) {
          await http.get(url);
          counter.n++;
        }
      },
      close: () => http.close(),
    };
  };
}

/** The smallest old-style handler: what undici's Client calls natively. */
class OldHandler {
  constructor(done) {
    this.done = done;
  }
  onConnect() {}
  onHeaders() {
    return true;
  }
  onData() {
    return true;
  }
  onComplete() {
    this.done(null);
  }
  onError(err) {
    this.done(err);
  }
}

/** The smallest new-style handler: undici wraps it per request in an UnwrapHandler. */
class NewHandler {
  constructor(done) {
    this.done = done;
  }
  onRequestStart() {}
  onResponseStart() {}
  onResponseData() {}
  onResponseEnd() {
    this.done(null);
  }
  onResponseError(_c, err) {
    this.done(err);
  }
}

function dispatchCallbackLoop(url) {
  return (counter) => {
    const client = new Client(new URL(url).origin, { pipelining: 1 });
    const opts = { path: '/', method: 'GET' };
    return {
      run: () =>
        new Promise((resolve) => {
          const next = () => {
            if (performance.now() >= counter.stopAt) return resolve();
            client.dispatch(opts, new OldHandler(onDone));
          };
          const onDone = () => {
            counter.n++;
            next();
          };
          next();
        }),
      close: () => client.close(),
    };
  };
}

function dispatchAsyncLoop(url, Handler) {
  return (counter) => {
    const client = new Client(new URL(url).origin, { pipelining: 1 });
    const opts = { path: '/', method: 'GET' };
    const get = () => new Promise((resolve, reject) => client.dispatch(opts, new Handler((err) => (err ? reject(err) : resolve()))));
    return {
      async run() {
        while (performance.now() < counter.stopAt) {
          await get();
          counter.n++;
        }
      },
      close: () => client.close(),
    };
  };
}

function requestTextLoop(url) {
  return (counter) => {
    const client = new Client(new URL(url).origin, { pipelining: 1 });
    return {
      async run() {
        while (performance.now() < counter.stopAt) {
          const res = await client.request({ path: '/', method: 'GET' });
          await res.body.text();
          counter.n++;
        }
      },
      close: () => client.close(),
    };
  };
}

const { child, url } = await startServer();
// The server child holds this process open: whatever happens from here on, it must be killed.
process.on('exit', () => child.kill());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(1));
let realSink;
const variants = {
  volley: volleyLoop(url),
  // One sink shared by all its loops (and rounds), as a worker's VUs share theirs; never snapshotted.
  'volley-sink': (counter) => volleyLoop(url, (realSink ??= new WorkerMetrics(() => {})))(counter),
  'dispatch-cb': dispatchCallbackLoop(url),
  'dispatch-async': dispatchAsyncLoop(url, OldHandler),
  'dispatch-new': dispatchAsyncLoop(url, NewHandler),
  'request-text': requestTextLoop(url),
};
const only = args.only ? args.only.split(',') : Object.keys(variants);
console.log(`node ${process.version}, ${CONNECTIONS} connections, ${DURATION_MS / 1000}s per variant after ${WARMUP_MS / 1000}s warm-up, ${args.server} server at ${url}`);
const results = new Map(only.map((name) => [name, []]));
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const name of only) {
      if (!variants[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(variants).join(', ')}`);
      results.get(name).push(await measure(name, variants[name]));
    }
  }
} finally {
  child.kill();
}
if (Number(args.rounds) > 1) {
  console.log(`\nmedians of ${args.rounds} rounds:`);
  for (const [name, runs] of results) {
    console.log(`${name.padEnd(16)} ${fmt(median(runs.map((r) => r.rps)))} req/s   ${fmt(median(runs.map((r) => r.perCore)))} req/s per client core`);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
