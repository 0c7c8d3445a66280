/** `volley inspect SCRIPT`: the resolved options and each scenario's plan as JSON; runs nothing. */
import type { Argv } from 'yargs';
import type { Io } from '../../io.js';
import { runFlags, toRunRequest } from './run.js';

export function inspectCommand(io: Io) {
  return {
    command: 'inspect <script>',
    describe: 'print the resolved options and execution plan as JSON',
    builder: (y: Argv) => runFlags(y.positional('script', { type: 'string', demandOption: true })),
    handler: async (a: Parameters<typeof toRunRequest>[1] & { script: string }) => {
      const req = toRunRequest(a.script, a, io);
      const { inspectScenario } = await import('../../coordinator/inspect.js');
      const result = await inspectScenario(req, io);
      io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    },
  };
}
