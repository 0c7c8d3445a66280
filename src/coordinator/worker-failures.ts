/**
 * The load workers a run lost, and why: one that died (the run stops, exit 103), or one the
 * coordinator ended because an iteration never yielded (the run goes on; the exit code is the
 * thresholds'). Each is told on stderr as it happens and listed in the summary (`worker_failures`).
 */
import type { Writable } from 'node:stream';
import type { WorkerScenario } from '../ipc/messages.js';
import type { WorkerFailure } from '../outputs/summary-data.js';
import type { DeathCause } from './worker-pool.js';

export class WorkerFailures {
  private readonly failures: WorkerFailure[] = [];
  private readonly workers: number;
  private readonly log: Writable;
  /** Unix ms of the run's start; 0 while the workers initialize. */
  startedAtMs = 0;

  constructor(workers: number, log: Writable) {
    this.workers = workers;
    this.log = log;
  }

  list(): WorkerFailure[] {
    return [...this.failures];
  }

  /** Records a death; returns what the engine-failure message says (`worker 1 of 2 died 0.3s into the run: …`). */
  died(index: number, cause: DeathCause & { exitCalledAt: string | undefined }): string {
    const reason = 'error' in cause ? cause.error : cause.exitCalledAt ? `the script called process.exit(${cause.code}) at ${cause.exitCalledAt}` : `exited with code ${cause.code}`;
    const failure = this.add(index, 'died', reason.split('\n', 1)[0]!);
    const when = this.startedAtMs ? `${seconds(failure.atMs)} into the run` : 'while it initialized';
    return `worker ${index + 1} of ${this.workers} died ${when}: ${reason}`;
  }

  /** Records a worker ended for being blocked since `lastHeardAt`, and warns; `share` is the scenarios it ran. */
  blocked(index: number, lastHeardAt: number, share: readonly WorkerScenario[]): void {
    const since = lastHeardAt - this.startedAtMs;
    const names = scenariosAround(share, since).join(' or ');
    const reason = `an iteration of scenario ${names} never yielded to the event loop (a loop that never awaits?); what it recorded since its last report (at ${seconds(since)}) is lost`;
    const failure = this.add(index, 'hung', reason);
    this.log.write(`warning: worker ${index + 1} of ${this.workers} was ended ${seconds(failure.atMs)} into the run: ${reason}\n`);
  }

  private add(index: number, kind: WorkerFailure['kind'], reason: string): WorkerFailure {
    const failure = { worker: index + 1, workers: this.workers, atMs: this.startedAtMs ? Date.now() - this.startedAtMs : 0, kind, reason };
    this.failures.push(failure);
    return failure;
  }
}

/** The scenarios with VUs in this worker that were scheduled in the second after `atMs` (run time), or all of them. */
function scenariosAround(share: readonly WorkerScenario[], atMs: number): string[] {
  const withVus = share.filter((s) => s.vus > 0);
  const running = withVus.filter((s) => s.startTimeMs <= atMs + 1000 && atMs <= s.startTimeMs + s.durationMs + s.gracefulStopMs);
  return (running.length > 0 ? running : withVus).map((s) => s.name);
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
