/**
 * The lifecycle worker: the one thread that runs the script's non-VU code, so the coordinator runs
 * no user code. It evaluates the bundle to read `options`, and runs setup(), teardown() and
 * handleSummary(). Counterpart of {@link file://./../coordinator/lifecycle-client.ts}.
 */
import { parentPort } from 'node:worker_threads';
import type { FromLifecycle, ToLifecycle } from '../ipc/messages.js';
import { serializeError } from '../errors.js';
import { LifecycleHost } from './lifecycle-host.js';

process.setSourceMapsEnabled(true);
const port = parentPort;
if (!port) throw new Error('lifecycle/entry.js must run in a worker thread');

const host = new LifecycleHost();
const send = (msg: FromLifecycle) => port.postMessage(msg);

async function handle(msg: ToLifecycle): Promise<FromLifecycle> {
  switch (msg.type) {
    case 'load':
      return host.load(msg.bundlePath, msg.scriptPath, msg.env);
    case 'setup':
      return host.setup(msg.options, (action, reason) => send({ type: 'testControl', action, reason }));
    case 'teardown':
      return host.teardown(msg.options, msg.setupData, (action, reason) => send({ type: 'testControl', action, reason }));
    case 'handleSummary':
      return host.handleSummary(msg.summaryJson);
    case 'exit':
      throw new Error('exit is handled before dispatch');
    default: {
      const unknown: never = msg;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
}

port.on('message', (msg: ToLifecycle) => {
  // Leaving the event loop lets the thread exit by itself, which delivers its remaining output.
  if (msg.type === 'exit') return port.close();
  handle(msg).then(send, (err: unknown) => send({ type: 'error', error: serializeError(err) }));
});
