/**
 * The demo service's handlers (scenarios/protos/demo.proto): Unary answers after `delay_ms`,
 * ServerStream sends `count` replies (each after `delay_ms`), ClientStream answers with how many
 * messages it received, Bidi echoes each message. Delays never end early (wait-at-least.ts), as
 * the HTTP `/delay/:ms` route's do, so timing tests can assert lower bounds.
 */
import { status, type ServerDuplexStream, type ServerReadableStream, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { MAX_DELAY_MS } from './delay-route.js';
import { waitAtLeast } from './wait-at-least.js';

interface EchoRequest {
  message: string;
  delayMs: number;
  count: number;
}
interface EchoReply {
  message: string;
  index: number;
}

/** Replies one ServerStream call may ask for, at most (a bounded answer, as /bytes/:n is). */
export const MAX_STREAM_COUNT = 100_000;

/** The handlers, by method name. */
export function demoService(): UntypedServiceImplementation {
  return { Unary: unary, ServerStream: serverStream, ClientStream: clientStream, Bidi: bidi };
}

function unary(call: ServerUnaryCall<EchoRequest, EchoReply>, callback: sendUnaryData<EchoReply>): void {
  const req = call.request;
  if (!inRange(req.delayMs, MAX_DELAY_MS)) return callback({ code: status.INVALID_ARGUMENT, details: `delay_ms must be 0..${MAX_DELAY_MS}` });
  const reply = { message: req.message, index: 0 };
  if (req.delayMs <= 0) return callback(null, reply);
  const wait = waitAtLeast(req.delayMs, () => callback(null, reply));
  call.on('cancelled', () => wait.cancel());
}

function serverStream(call: ServerWritableStream<EchoRequest, EchoReply>): void {
  const { message, delayMs, count } = call.request;
  if (!inRange(delayMs, MAX_DELAY_MS) || !inRange(count, MAX_STREAM_COUNT)) {
    call.emit('error', { code: status.INVALID_ARGUMENT, details: `delay_ms must be 0..${MAX_DELAY_MS} and count 0..${MAX_STREAM_COUNT}` });
    return;
  }
  let index = 0;
  let wait: { cancel(): void } | undefined;
  const next = (): void => {
    if (call.cancelled) return;
    if (index >= count) return void call.end();
    call.write({ message, index: index++ });
    if (delayMs > 0) wait = waitAtLeast(delayMs, next);
    else setImmediate(next);
  };
  call.on('cancelled', () => wait?.cancel());
  if (delayMs > 0) wait = waitAtLeast(delayMs, next);
  else next();
}

function clientStream(call: ServerReadableStream<EchoRequest, EchoReply>, callback: sendUnaryData<EchoReply>): void {
  let received = 0;
  let last = '';
  call.on('data', (req: EchoRequest) => {
    received++;
    last = req.message;
  });
  call.on('end', () => callback(null, { message: last, index: received }));
  call.on('error', () => {});
}

function bidi(call: ServerDuplexStream<EchoRequest, EchoReply>): void {
  let index = 0;
  call.on('data', (req: EchoRequest) => call.write({ message: req.message, index: index++ }));
  call.on('end', () => call.end());
  call.on('error', () => {});
}

function inRange(n: number, max: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= max;
}
