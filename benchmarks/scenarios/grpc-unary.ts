// The grpc benchmark's scenario: a closed loop of one unary call per iteration on the VU's own
// connection, as the bare grpc-js loop's connections do. GRPC_ADDR comes from -e.
import type { Iteration } from 'volley';
import { loadProtos, type GrpcClient } from 'volley/grpc';

const protos = loadProtos(['../../scenarios/protos'], 'demo.proto');

export default async function ({ grpc, vu, env }: Iteration) {
  const client = (vu.state.client ??= await grpc.connect(env.GRPC_ADDR!, { protos, plaintext: true })) as GrpcClient;
  await client.invoke('volley.demo.Demo/Unary', { message: 'bench' });
}
