/**
 * The target as a process of its own, for tests and benchmarks that must not share the client's
 * event loop: `node dist/target/main.js [--port N] [--grpc-port N] [--host H] [--faults]`. Prints the lines of
 * describeTarget when ready; closes cleanly on SIGINT or SIGTERM (a second signal kills it outright).
 */
import { VolleyError } from '../errors.js';
import { describeTarget } from './describe-target.js';
import { parseTargetArgs } from './parse-target-args.js';
import { startTarget } from './start-target.js';

async function main(argv: readonly string[]): Promise<void> {
  const target = await startTarget(parseTargetArgs(argv));
  process.stdout.write(describeTarget(target).map((line) => `${line}\n`).join(''));
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // Once the servers close, nothing holds the event loop and the process exits with code 0.
    void target.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof VolleyError) {
    process.stderr.write(`volley target: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`volley target: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
});
