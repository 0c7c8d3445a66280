/**
 * `volley demo [SCRIPT]`: starts the embedded target on a free port and runs scenarios/quickstart.ts
 * (or SCRIPT) against it, with BASE_URL, WS_URL and GRPC_ADDR passed as --env (what `npm start` does).
 */
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import type { Io } from '../../io.js';
import { PACKAGE_ROOT } from '../../install-paths.js';
import { runFlags, toRunRequest } from './run.js';

const QUICKSTART = fileURLToPath(new URL('scenarios/quickstart.ts', PACKAGE_ROOT));

export function demoCommand(io: Io, setExit: (code: number) => void) {
  return {
    command: 'demo [script]',
    describe: 'run scenarios/quickstart.ts (or SCRIPT) against the embedded target',
    builder: (y: Argv) => runFlags(y.positional('script', { type: 'string', describe: 'a scenario to run instead of the quickstart' })),
    handler: async (a: Parameters<typeof toRunRequest>[1] & { script?: string }) => {
      const [{ startTarget }, { runTest }] = await Promise.all([import('../../target/index.js'), import('../../coordinator/run-test.js')]);
      const target = await startTarget({ httpPort: 0, grpcPort: 0 });
      try {
        const req = toRunRequest(a.script ?? QUICKSTART, a, io);
        req.env = { BASE_URL: target.httpUrl, WS_URL: target.wsUrl, GRPC_ADDR: target.grpcAddr, ...req.env };
        setExit(await runTest(req, io));
      } finally {
        await target.close();
      }
    },
  };
}
