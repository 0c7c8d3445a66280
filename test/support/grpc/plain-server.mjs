/**
 * A plain @grpc/grpc-js server, in a process of its own, for tests of volley's gRPC client against
 * a server that is not the embedded target: plain.proto's Greeter, server reflection and health.
 * Prints `port N` when ready; exits after answering Stop, in the middle of Ticks when asked to, or
 * on SIGTERM.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { fileURLToPath } from 'node:url';

const definition = loadSync(fileURLToPath(new URL('./plain.proto', import.meta.url)), { keepCase: true });
const server = new Server();
server.addService(definition['plain.v1.Greeter'], {
  Hello: (call, callback) => callback(null, { greeting: `hello, ${call.request.name}` }),
  Ticks: (call) => {
    let sent = 0;
    const timer = setInterval(() => {
      if (sent > 0 && sent === call.request.exit_after) process.exit(0);
      if (sent === call.request.count) {
        clearInterval(timer);
        call.end();
      } else call.write({ greeting: `tick ${sent++}` });
    }, call.request.every_ms);
    call.on('cancelled', () => clearInterval(timer));
  },
  Stop: (call, callback) => {
    callback(null, { greeting: 'bye' });
    setTimeout(() => process.exit(0), 20);
  },
});
new ReflectionService(definition).addToServer(server);
new HealthImplementation({ '': 'SERVING' }).addToServer(server);
server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => {
  if (err) throw err;
  console.log(`port ${port}`);
});
process.on('SIGTERM', () => process.exit(0));
