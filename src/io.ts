/**
 * The outside world as volley's commands see it (k6's GlobalState idea): streams, environment,
 * working directory and signals come in as one value, so commands can be driven by tests.
 */
import type { Writable } from 'node:stream';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface Io {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Calls `handler` on every SIGINT/SIGTERM until the returned function is called. */
  onSignal(handler: (signal: StopSignal) => void): () => void;
}

/** The real process. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    onSignal(handler) {
      const onInt = () => handler('SIGINT');
      const onTerm = () => handler('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      };
    },
  };
}
