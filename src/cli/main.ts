/**
 * The CLI: yargs wiring, and the one place that turns errors into exit codes and calls
 * process.exit. A user's mistake prints a message (and a hint), never a stack trace.
 */
import { ConfigError, ExitCode, VolleyError } from '../errors.js';
import { processIo, type Io } from '../io.js';
import { VERSION } from '../version.js';
import { commandFlags, createYargs } from './lean-yargs.js';
import { strayEnvFlags } from './env-flags.js';
import { runCommand } from './commands/run.js';
import { demoCommand } from './commands/demo.js';
import { targetCommand } from './commands/target.js';
import { inspectCommand } from './commands/inspect.js';
import { capacityCommand } from './commands/capacity.js';
import { releaseWarmThreads } from '../coordinator/warm-threads.js';
import { discardEarlyCompile } from '../compile/early-compile.js';

async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExit = (code: number) => (exitCode = code);
  const cli = await createYargs(argv);
  await cli
    .scriptName('volley')
    .env('VOLLEY')
    .middleware(ignoreStrayEnvFlags(io, () => commandFlags(cli)), true)
    .command(runCommand(io, setExit))
    .command(inspectCommand(io))
    .command(demoCommand(io, setExit))
    .command(targetCommand(io, setExit))
    .command(capacityCommand(io, setExit))
    .demandCommand(1, 'name a command: volley run SCRIPT (see volley --help)')
    .strict()
    .version(VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new ConfigError([{ path: '', message: msg }], 'see volley --help');
    })
    .parseAsync();
  return exitCode;
}

/**
 * A middleware run before strict validation: drops what yargs read from VOLLEY_* variables that name
 * no flag of the command (env-flags.ts), with one warning for each.
 */
function ignoreStrayEnvFlags(io: Io, flags: () => string[] | undefined) {
  return (argv: Record<string, unknown>): void => {
    const known = flags();
    if (!known) return; // this yargs cannot list them: strict mode reports such a variable, as it did
    const command = (argv._ as unknown[] | undefined)?.[0];
    for (const stray of strayEnvFlags(io.env, command === undefined ? undefined : String(command), known)) {
      delete argv[stray.key];
      io.stderr.write(`${stray.warning}\n`);
    }
  };
}

function report(err: unknown, io: Io): number {
  if (err instanceof VolleyError) {
    io.stderr.write(`error: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    return err.exitCode;
  }
  io.stderr.write(`volley: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return ExitCode.engineFailure;
}

const io = processIo();
// Not yargs' hideBin: yargs/helpers loads its whole platform shim, help formatting included (see lean-yargs.ts).
const code = await main(process.argv.slice(2), io).catch((err: unknown) => report(err, io));
// Started by bin/volley.mjs for a command that failed before using them.
await Promise.all([releaseWarmThreads(), discardEarlyCompile()]);
// Exit only once stdout and stderr have drained: a summary piped to a file must arrive whole.
await Promise.all([io.stdout, io.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
process.exit(code);
