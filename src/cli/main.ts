/**
 * The CLI: yargs wiring, and the one place that turns errors into exit codes and calls
 * process.exit. A user's mistake prints a message (and a hint), never a stack trace.
 */
import { ConfigError, ExitCode, VolleyError } from '../errors.js';
import { processIo, type Io } from '../io.js';
import { VERSION } from '../version.js';
import { createYargs } from './lean-yargs.js';
import { envFlagHint, unknownEnvFlags } from './env-flags.js';
import { runCommand } from './commands/run.js';
import { demoCommand } from './commands/demo.js';
import { targetCommand } from './commands/target.js';
import { inspectCommand } from './commands/inspect.js';
import { releaseWarmThreads } from '../coordinator/warm-threads.js';
import { discardEarlyCompile } from '../compile/early-compile.js';

async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const setExit = (code: number) => (exitCode = code);
  const cli = await createYargs(argv);
  await cli
    .scriptName('volley')
    .env('VOLLEY')
    .command(runCommand(io, setExit))
    .command(inspectCommand(io))
    .command(demoCommand(io, setExit))
    .command(targetCommand(io, setExit))
    .demandCommand(1, 'name a command: volley run SCRIPT (see volley --help)')
    .strict()
    .version(VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      const fromEnv = unknownEnvFlags(msg, io.env);
      throw new ConfigError([{ path: '', message: msg }], fromEnv.length ? envFlagHint(fromEnv) : 'see volley --help');
    })
    .parseAsync();
  return exitCode;
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
