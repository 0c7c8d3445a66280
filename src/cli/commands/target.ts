/** `volley target [--port N] [--grpc-port N] [--faults] [--servers N --service-time DUR]`: the embedded demo target on 127.0.0.1, until ^C. */
import type { Argv } from 'yargs';
import type { Io } from '../../io.js';
import { ConfigError, type ConfigIssue } from '../../errors.js';
import { DEFAULT_GRPC_PORT, DEFAULT_HTTP_PORT, defaultGrpcPort } from '../../target/target-options.js';
import { readCapacityFlags } from '../../target/capacity-flags.js';

export function targetCommand(io: Io, setExit: (code: number) => void) {
  return {
    command: 'target',
    describe: 'run the embedded demo target (HTTP, WebSocket and gRPC) on 127.0.0.1',
    builder: (y: Argv) =>
      y
        .option('port', { type: 'number', default: DEFAULT_HTTP_PORT, describe: 'HTTP/WebSocket port (0 picks a free one)' })
        .option('grpc-port', { type: 'number', describe: `gRPC port (default ${DEFAULT_GRPC_PORT}, or a free one with --port 0; 0 picks a free one)` })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'loopback address to bind' })
        .option('faults', { type: 'boolean', default: false, describe: 'add the fault-injecting endpoints under /faults/ and a port that refuses connections' })
        .option('servers', { type: 'number', describe: 'capacity model: requests served at once (with --service-time)' })
        .option('service-time', { type: 'string', describe: "capacity model: each request's fixed service time, e.g. 20ms; the rest queue" }),
    handler: async (a: { port: number; grpcPort?: number; host: string; faults: boolean; servers?: number; serviceTime?: string }) => {
      const issues: ConfigIssue[] = [];
      const capacity = readCapacityFlags(a.servers, a.serviceTime, issues);
      if (issues.length) throw new ConfigError(issues);
      const { describeTarget, startTarget } = await import('../../target/index.js');
      const target = await startTarget({ host: a.host, httpPort: a.port, grpcPort: a.grpcPort ?? defaultGrpcPort(a.port), faults: a.faults, capacity });
      io.stdout.write(describeTarget(target).map((l) => `${l}\n`).join(''));
      await new Promise<void>((resolve) => {
        const off = io.onSignal(() => {
          off();
          resolve();
        });
      });
      await target.close();
      setExit(0);
    },
  };
}
