/** `volley run SCRIPT [flags]`: flags → RunRequest → runTest → exit code. */
import type { Argv } from 'yargs';
import { ConfigError, type ConfigIssue } from '../../errors.js';
import type { Io } from '../../io.js';
import type { RunRequest } from '../../coordinator/run-request.js';
import { parseKeyValues } from '../key-values.js';
import { outputFlags, parseOutputs } from '../outputs.js';

/** The flags `run` shares with `demo`. */
export function runFlags<T>(y: Argv<T>) {
  const head = y
    .option('vus', { alias: 'u', type: 'number', describe: 'number of VUs (with --duration: constant-vus)' })
    .option('duration', { alias: 'd', type: 'string', describe: "test duration, e.g. '30s', '1m30s'" })
    .option('iterations', { alias: 'i', type: 'number', describe: 'total iterations, shared by the VUs (shared-iterations)' })
    .option('stage', { alias: 's', type: 'string', array: true, nargs: 1, describe: 'ramp stage DURATION:TARGET (repeatable)' })
    .option('env', { alias: 'e', type: 'string', array: true, nargs: 1, describe: 'K=V, visible to the script as env.K (repeatable)' })
    .option('include-system-env-vars', { type: 'boolean', default: false, describe: 'expose the process environment to the script' })
    .option('tag', { type: 'string', array: true, nargs: 1, describe: 'K=V tag on every sample (repeatable)' });
  // The outputs that have a flag of their own (--summary-export, --junit) declare it in the registry.
  return outputFlags()
    .reduce((argv, { name, describe }) => argv.option(name, { type: 'string', describe }), head)
    .option('out', { alias: 'o', type: 'string', array: true, nargs: 1, describe: 'KIND=TARGET output, e.g. json=results.ndjson, csv=results.csv (repeatable)' })
    .option('summary-mode', { type: 'string', choices: ['compact', 'full'], default: 'compact', describe: 'full adds per-scenario and per-group blocks' })
    .option('address', { type: 'string', describe: 'HOST:PORT of the control API (127.0.0.1:0 picks a free port)' })
    .option('summary-trend-stats', { type: 'string', describe: "trend columns, e.g. 'avg,p(95),p(99.9)'" })
    .option('summary-time-unit', { type: 'string', describe: 'print every time of the summary in s, ms or us' })
    .option('workers', { type: 'number', describe: 'worker threads (default: one per core)' })
    .option('thresholds', { type: 'boolean', default: true, describe: 'evaluate thresholds (--no-thresholds to skip)' })
    .option('connection-reuse', { type: 'boolean', describe: 'keep-alive between requests (--no-connection-reuse: a new connection per request)' })
    .option('insecure-skip-tls-verify', { type: 'boolean', describe: 'https accepts any server certificate' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no banner or progress' })
    .option('color', { type: 'boolean', default: true, describe: 'colored output (--no-color to disable)' })
    // yargs reads VOLLEY_NO_THRESHOLDS as an option named no-thresholds, which strict mode would
    // reject: declared (hidden) so that it passes; toRunRequest reads these variables itself.
    .option('no-thresholds', { type: 'string', hidden: true })
    .option('no-color', { type: 'string', hidden: true })
    .option('no-connection-reuse', { type: 'string', hidden: true });
}

type RunArgs = Awaited<ReturnType<ReturnType<typeof runFlags>['parseAsync']>>;

/** Validates the parsed flags into a RunRequest; throws one ConfigError with every problem. */
export function toRunRequest(script: string, a: RunArgs, io: Io): RunRequest {
  const issues: ConfigIssue[] = [];
  for (const [flag, value] of [['--vus', a.vus], ['--iterations', a.iterations], ['--workers', a.workers]] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < (flag === '--vus' ? 0 : 1))) {
      issues.push({ path: flag, message: `must be a whole number ≥ ${flag === '--vus' ? 0 : 1} (got ${value})` });
    }
  }
  const env = parseKeyValues(a.env, '--env', issues);
  const tag = parseKeyValues(a.tag, '--tag', issues);
  // Every file and URL an output names, checked now (104) rather than found unusable when the run ends.
  const outputs = parseOutputs(a.out, (flag) => flagString((a as Record<string, unknown>)[flag]), io.cwd, issues);
  if (a.address !== undefined && !/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/.test(a.address)) issues.push({ path: '--address', message: `must be HOST:PORT, e.g. 127.0.0.1:6565 (got ${a.address})` });
  if (issues.length) throw new ConfigError(issues);
  const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  /** `--no-NAME` on the command line, or VOLLEY_NO_NAME set to a true value (see the hidden options in runFlags). */
  const switchedOff = (flag: boolean | undefined, name: string) => flag === false || truthy(io.env[`VOLLEY_NO_${name}`]);
  return {
    script,
    flags: {
      vus: a.vus,
      duration: a.duration,
      iterations: a.iterations,
      stage: a.stage,
      tag,
      noThresholds: switchedOff(a.thresholds, 'THRESHOLDS'),
      summaryTrendStats: a.summaryTrendStats?.split(','),
      summaryTimeUnit: a.summaryTimeUnit,
      // Only when given: an absent flag leaves the script's option (yargs maps VOLLEY_INSECURE_SKIP_TLS_VERIFY itself).
      noConnectionReuse: a.connectionReuse === true ? false : switchedOff(a.connectionReuse, 'CONNECTION_REUSE') || undefined,
      insecureSkipTLSVerify: a.insecureSkipTlsVerify,
    },
    env,
    includeSystemEnv: a.includeSystemEnvVars,
    workers: a.workers,
    outputs,
    summaryMode: a.summaryMode === 'full' ? 'full' : 'compact',
    address: a.address,
    quiet: a.quiet,
    noColor: switchedOff(a.color, 'COLOR') || io.env.NO_COLOR !== undefined,
  };
}

/** A string flag's value; yargs gives an array when the flag was repeated: the last one wins. */
function flagString(value: unknown): string | undefined {
  const last: unknown = Array.isArray(value) ? value.at(-1) : value;
  return last === undefined ? undefined : String(last);
}

/** Registers `run` on the yargs instance; `setExit` receives the run's exit code. */
export function runCommand(io: Io, setExit: (code: number) => void) {
  return {
    command: 'run <script>',
    describe: 'run a scenario',
    builder: (y: Argv) => runFlags(y.positional('script', { type: 'string', demandOption: true, describe: 'the scenario file (.ts or .js)' })),
    handler: async (a: RunArgs & { script: string }) => {
      const req = toRunRequest(a.script, a, io);
      // Loaded only for the command that uses it: the coordinator's modules are most of the CLI's start-up.
      const { runTest } = await import('../../coordinator/run-test.js');
      setExit(await runTest(req, io));
    },
  };
}
