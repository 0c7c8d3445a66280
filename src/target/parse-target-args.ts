/**
 * The arguments of the standalone target (src/target/main.ts): `--port N`, `--grpc-port N`,
 * `--host H`, `--faults` and the capacity model's `--servers N --service-time DUR`, in the
 * `--flag value` or `--flag=value` forms. The CLI's `volley target` parses its own with yargs.
 */
import { ConfigError, type ConfigIssue } from '../errors.js';
import { defaultGrpcPort, DEFAULT_HTTP_PORT, validateTargetOptions, type TargetOptions } from './target-options.js';
import { readCapacityFlags } from './capacity-flags.js';

const FLAGS = ['--port', '--grpc-port', '--host', '--servers', '--service-time'];

/** Parses `argv` (without node and the script); throws a ConfigError listing every problem. */
export function parseTargetArgs(argv: readonly string[]): TargetOptions {
  const issues: ConfigIssue[] = [];
  const opts: TargetOptions = { httpPort: DEFAULT_HTTP_PORT };
  const capacity: { servers?: string; serviceTime?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (arg === '--faults') {
      opts.faults = true;
      continue;
    }
    if (!FLAGS.includes(flag)) {
      issues.push({ path: arg, message: 'unknown argument (expected --port N, --grpc-port N, --host H, --faults, --servers N or --service-time DUR)' });
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) issues.push({ path: flag, message: 'needs a value' });
    else if (flag === '--host') opts.host = value;
    else if (flag === '--servers') capacity.servers = value;
    else if (flag === '--service-time') capacity.serviceTime = value;
    else opts[flag === '--port' ? 'httpPort' : 'grpcPort'] = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  }
  opts.grpcPort ??= defaultGrpcPort(opts.httpPort);
  opts.capacity = readCapacityFlags(capacity.servers, capacity.serviceTime, issues);
  issues.push(...validateTargetOptions(opts));
  if (issues.length > 0) throw new ConfigError(issues);
  return opts;
}
