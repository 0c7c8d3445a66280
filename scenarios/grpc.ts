/**
 * gRPC against the embedded target (`volley demo scenarios/grpc.ts`, or `volley target` and
 * `volley run scenarios/grpc.ts -e GRPC_ADDR=127.0.0.1:6181`): a unary call, then one stream of each
 * kind, with thresholds on the grpc_* metrics. docs/grpc.md describes the API.
 */
import { env } from 'volley';
import type { Iteration, Options } from 'volley';
import { loadProtos, type GrpcClient } from 'volley/grpc';

const ADDR = env.GRPC_ADDR ?? '127.0.0.1:6181';
// Parsed once per worker, in init code, and shared by its VUs.
const protos = loadProtos(['./protos'], 'demo.proto');

export const options: Options = {
  vus: 5,
  duration: '5s',
  thresholds: {
    grpc_req_duration: ['p(95)<200'],
    grpc_req_failed: ['rate<0.01'],
    'grpc_req_duration{method:Unary}': ['p(95)<100'],
    grpc_streams_msgs_received: ['count>0'],
    checks: ['rate>0.99'],
  },
};

export default async function ({ grpc, check, vu }: Iteration) {
  // One connection per VU, kept across its iterations (and closed when the VU retires).
  const client = (vu.state.client ??= await grpc.connect(ADDR, { protos, plaintext: true })) as GrpcClient;

  const res = await client.invoke('volley.demo.Demo/Unary', { message: `hello from VU ${vu.idInTest}`, delay_ms: 5 });
  check(res, {
    'unary status is OK': (r) => r.status === grpc.StatusOK,
    'unary echoes the message': (r) => r.message?.message === `hello from VU ${vu.idInTest}`,
  });

  // Server stream: one request, `count` replies.
  let replies = 0;
  const server = client.stream('volley.demo.Demo/ServerStream');
  server.on('data', () => replies++);
  server.on('end', () => check(replies, { 'server stream sent 5 replies': (n) => n === 5 }));
  server.write({ message: 'tick', count: 5 });
  server.end();

  // Client stream: many requests, one reply counting them.
  const upload = client.stream('volley.demo.Demo/ClientStream');
  upload.on('data', (reply) => check(reply, { 'client stream counted 3 messages': (r) => r.index === 3 }));
  for (const message of ['a', 'b', 'c']) upload.write({ message });
  upload.end();

  // Bidirectional: each message echoed as it arrives.
  const chat = client.stream('volley.demo.Demo/Bidi');
  chat.on('data', (reply) => check(reply, { 'bidi echoes': (r) => typeof r.message === 'string' }));
  chat.on('error', (err) => console.error(`bidi failed: ${err.message}`));
  chat.write({ message: 'ping' });
  chat.write({ message: 'pong' });
  chat.end();

  // The iteration ends once the streams have (as k6's event loop waits for them).
}
