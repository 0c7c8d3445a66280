/**
 * The gRPC half of the embedded target, on its own port: the demo service of
 * scenarios/protos/demo.proto (grpc-demo.ts), the server reflection service (v1 and v1alpha) and the
 * standard health service, all on plaintext HTTP/2.
 */
import { fileURLToPath } from 'node:url';
import { Server, ServerCredentials, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { ConfigError } from '../errors.js';
import { PACKAGE_ROOT } from '../install-paths.js';
import { demoService } from './grpc-demo.js';

/** The demo proto: a contract other tools and tests rely on (DESIGN.md). */
export const DEMO_PROTO = fileURLToPath(new URL('scenarios/protos/demo.proto', PACKAGE_ROOT));
/** The demo service's full name. */
export const DEMO_SERVICE = 'volley.demo.Demo';

/** A running gRPC server: its `host:port` and a way to stop it. */
export interface GrpcTarget {
  grpcAddr: string;
  close(): Promise<void>;
}

/** Starts the gRPC server on `host:port` (0 = a free port). */
export async function startGrpcTarget(host: string, port: number): Promise<GrpcTarget> {
  const definition = loadSync(DEMO_PROTO, { keepCase: false, defaults: true });
  const server = new Server();
  server.addService(definition[DEMO_SERVICE] as ServiceDefinition, demoService());
  new ReflectionService(definition).addToServer(server);
  new HealthImplementation({ '': 'SERVING', [DEMO_SERVICE]: 'SERVING' }).addToServer(server);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${hostPart}:${port}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(bindError(err, hostPart, port)) : resolve(p))),
  );
  let closing: Promise<void> | undefined;
  return {
    grpcAddr: `${hostPart}:${bound}`,
    // Calls still open (a stream nobody ended) would hold a graceful shutdown forever.
    close: () => (closing ??= Promise.resolve(server.forceShutdown())),
  };
}

/** grpc-js says only that no address could be bound; the usual cause is the port, fixed by a flag. */
function bindError(err: Error, host: string, port: number): ConfigError {
  return new ConfigError([{ path: 'grpc-port', message: `cannot serve gRPC on ${host}:${port} (${err.message}): is the port in use?` }], 'choose another --grpc-port, or 0 for a free one');
}
