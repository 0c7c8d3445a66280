import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseTargetArgs } from '../../src/target/parse-target-args.js';

describe('parseTargetArgs', () => {
  it.each([
    [[], { httpPort: 6180, grpcPort: 6181 }],
    [['--port', '0'], { httpPort: 0, grpcPort: 0 }],
    [['--port=7000'], { httpPort: 7000, grpcPort: 6181 }],
    [['--host', '::1', '--port', '1'], { host: '::1', httpPort: 1, grpcPort: 6181 }],
    [['--host=localhost'], { host: 'localhost', httpPort: 6180, grpcPort: 6181 }],
    [['--faults', '--port', '0'], { httpPort: 0, grpcPort: 0, faults: true }],
    [['--grpc-port', '7001'], { httpPort: 6180, grpcPort: 7001 }],
    [['--port', '0', '--grpc-port=7001'], { httpPort: 0, grpcPort: 7001 }],
    [['--servers', '7', '--service-time=20ms'], { httpPort: 6180, grpcPort: 6181, capacity: { servers: 7, serviceTimeMs: 20 } }],
  ])('%j → %j', (argv, opts) => {
    expect(parseTargetArgs(argv)).toEqual(opts);
  });

  it.each([[['--port']], [['--port', 'x']], [['--port', '-1']], [['--port', '70000']], [['--verbose']], [['6180']], [['--faults=yes']], [['--grpc-port', 'x']], [['--grpc-port', '70000']], [['--servers', '7']], [['--service-time', '20ms']], [['--servers', '0', '--service-time', '20ms']], [['--servers', '2', '--service-time', '20']]])(
    'rejects %j with a ConfigError',
    (argv) => {
      expect(() => parseTargetArgs(argv)).toThrow(ConfigError);
    },
  );

  it('reports every problem at once', () => {
    try {
      parseTargetArgs(['--nope', '--port', 'x']);
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues).toHaveLength(2);
    }
  });
});
