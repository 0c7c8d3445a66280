/**
 * `volley capacity SCRIPT --slo METRIC[{tags}]:EXPR ...`: searches for the highest arrival rate the
 * target sustains within every SLO (capacity/run-capacity.ts). It takes `volley run`'s flags for
 * the environment, outputs and summary; those that set the load (-u, -d, -i, -s) are the search's
 * to set, and are refused.
 */
import type { Argv } from 'yargs';
import { ConfigError, type ConfigIssue } from '../../errors.js';
import type { Io } from '../../io.js';
import { CAPACITY_DEFAULTS, readCapacitySettings } from '../../capacity/settings.js';
import { runFlags, toRunRequest } from './run.js';

function capacityFlags<T>(y: Argv<T>) {
  return runFlags(y)
    // Still read, to be refused with a reason (LOAD_FLAGS), but not offered.
    .hide('vus')
    .hide('duration')
    .hide('iterations')
    .hide('stage')
    .hide('address')
    .option('slo', { type: 'string', array: true, nargs: 1, describe: "METRIC[{tags}]:EXPR every step must meet, e.g. 'http_req_duration:p(99)<200' (repeatable)" })
    .option('start-rate', { type: 'number', describe: `first step's rate in iterations/s (default ${CAPACITY_DEFAULTS.startRate})` })
    .option('max-rate', { type: 'number', describe: `highest rate tried (default ${CAPACITY_DEFAULTS.maxRate})` })
    .option('step', { type: 'string', describe: `each step's length, whole seconds (default ${CAPACITY_DEFAULTS.step})` })
    .option('warmup', { type: 'string', describe: `unjudged start of each step: a duration or a share of the step (default ${CAPACITY_DEFAULTS.warmup})` })
    .option('precision', { type: 'string', describe: `stop once the bracket is this narrow (default ${CAPACITY_DEFAULTS.precision})` })
    .option('max-vus', { type: 'number', describe: 'most VUs the search may use (default: what memory allows)' })
    .option('min-rate', { type: 'number', describe: 'fail (exit 99) when the capacity found is below this rate' })
    .option('exec', { type: 'string', describe: 'the exported function to drive (default: the default export)' });
}

type CapacityArgs = Awaited<ReturnType<ReturnType<typeof capacityFlags>['parseAsync']>> & { script: string };

/** `volley run` flags that set the load, which the search sets instead. */
const LOAD_FLAGS = [
  ['vus', '--vus'],
  ['duration', '--duration'],
  ['iterations', '--iterations'],
  ['stage', '--stage'],
  ['address', '--address'],
] as const;

/** Registers `capacity` on the yargs instance; `setExit` receives the search's exit code. */
export function capacityCommand(io: Io, setExit: (code: number) => void) {
  return {
    command: 'capacity <script>',
    describe: 'find the highest arrival rate that meets every SLO',
    builder: (y: Argv) => capacityFlags(y.positional('script', { type: 'string', demandOption: true, describe: 'the scenario file (.ts or .js)' })),
    handler: async (a: CapacityArgs) => {
      const issues: ConfigIssue[] = [];
      for (const [key, flag] of LOAD_FLAGS) {
        if (a[key] !== undefined) issues.push({ path: flag, message: `is not used by volley capacity: the search sets the load (${key === 'address' ? 'it has no control API' : 'see --start-rate and --max-rate'})` });
      }
      const settings = readCapacitySettings(a, issues);
      let req;
      try {
        req = toRunRequest(a.script, a, io);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        issues.push(...err.issues);
      }
      if (issues.length || !req) throw new ConfigError(issues);
      // Loaded only for the command that uses it, as `run` does.
      const { runCapacity } = await import('../../capacity/run-capacity.js');
      setExit(await runCapacity(req, settings, a.slo ?? [], io));
    },
  };
}
