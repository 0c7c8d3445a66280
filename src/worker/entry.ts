/**
 * A load worker: evaluates the scenario bundle once, runs its share of every scenario on its own
 * clock, and sends one metrics snapshot per second. Counterpart of
 * {@link file://./../coordinator/worker-pool.ts}; only ipc/messages.ts types cross between them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, LoadThreadData, ToWorker } from '../ipc/messages.js';
import { serializeError } from '../errors.js';
import { LoadWorker } from './load-worker.js';
import { warmUpHotPath } from './warm-up.js';

process.setSourceMapsEnabled(true);
const port = parentPort;
if (!port) throw new Error('worker/entry.js must run in a worker thread');

let worker: LoadWorker | undefined;
// Starts at once (a warm thread is idle until init arrives) and stops when init arrives; init waits
// for its last requests before saying ready.
const warmUpStop = new AbortController();
const warmedUp = (workerData as LoadThreadData | undefined)?.warmUp === false ? Promise.resolve(0) : warmUpHotPath(warmUpStop.signal);
// Snapshots are copied, not transferred: detaching an ArrayBuffer (a transfer does) invalidates V8's
// per-thread "no buffer was ever detached" assumption, which deoptimizes every optimized function
// that touches a typed array (Buffers, the HTTP parser, async hooks) at the run's first snapshot.
// The copy is the encoded histograms, ≈ 7 KB a second.
const send = (msg: FromWorker) => port.postMessage(msg);
// A thread that dies (process.exit() in the script) still delivers what it recorded.
process.on('exit', (code) => worker?.sendLastMetrics(code));

port.on('message', (msg: ToWorker) => {
  switch (msg.type) {
    case 'init': {
      const w = (worker = new LoadWorker(msg, send));
      warmUpStop.abort();
      warmedUp.then(() => w.init()).catch((err: unknown) => send({ type: 'error', workerId: msg.workerId, error: serializeError(err), fatal: true }));
      break;
    }
    case 'start':
      worker?.start(msg.epochMs).catch((err: unknown) => send({ type: 'error', workerId: -1, error: serializeError(err), fatal: true }));
      break;
    case 'stop':
      worker?.stop(msg.hard);
      break;
    case 'control':
      worker?.control(msg);
      break;
    case 'exit':
      worker?.stop(true);
      port.close();
      break;
    default: {
      const unknown: never = msg;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
});
