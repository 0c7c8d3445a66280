/**
 * What to start before the CLI has even loaded (bin/volley.mjs calls this first): the threads and
 * the scenario's compile, a guess from the raw arguments, made without yargs. `run` and `demo` get the lifecycle thread and their
 * likely load threads, `inspect` the lifecycle thread; anything else, or a request for help or the
 * version, none. A wrong guess costs only time: missing threads are started later, extra ones are
 * terminated once the plan is known (coordinator/warm-threads.ts).
 */
import { availableParallelism } from 'node:os';
import { warmThreads } from '../coordinator/warm-threads.js';
import { compileEarly } from '../compile/early-compile.js';
import { holdSignals } from '../coordinator/early-signals.js';
import { WARM_UP_REQUESTS } from '../ipc/messages.js';

export interface WarmPlan {
  lifecycle: boolean;
  load: number;
  /** Whether the load threads warm up their request path while they wait (no for a run shorter than that). */
  warmUpRequests: boolean;
  /** The script to compile now: the first argument after the command when it is not a flag. */
  script?: string;
}

/** The threads worth starting for `argv` (arguments after the script name). */
export function warmPlanFor(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cores: number): WarmPlan {
  const none = { lifecycle: false, load: 0, warmUpRequests: false };
  const command = argv[0];
  if (argv.some((a) => a === '--help' || a === '-h' || a === '--version')) return none;
  const script = argv[1] !== undefined && !argv[1].startsWith('-') ? argv[1] : undefined;
  if (command === 'inspect') return { lifecycle: true, load: 0, warmUpRequests: false, ...(script && { script }) };
  if (command !== 'run' && command !== 'demo') return none;
  const workers = wholeNumber(flagValue(argv, '--workers') ?? env.VOLLEY_WORKERS);
  // --vus caps the workers (never more workers than VUs) unless stages may ramp above it.
  const staged = flagValue(argv, '--stage', '-s') !== undefined || env.VOLLEY_STAGE !== undefined;
  const vus = staged ? undefined : wholeNumber(flagValue(argv, '--vus', '-u') ?? env.VOLLEY_VUS);
  // --iterations makes the run shared-iterations, whose VUs can't outnumber its iterations (k6's rule).
  const iterations = wholeNumber(flagValue(argv, '--iterations', '-i') ?? env.VOLLEY_ITERATIONS);
  const load = Math.max(1, Math.min(workers ?? cores, vus ?? Infinity, iterations ?? Infinity));
  const warmUpRequests = iterations === undefined || iterations >= WARM_UP_REQUESTS;
  // demo's optional positional is a script too, but it mostly runs the quickstart: compiled later.
  return { lifecycle: true, load, warmUpRequests, ...(command === 'run' && script && { script }) };
}

/** Starts the threads `warmPlanFor` picks for this process. */
export function warmStart(argv: readonly string[]): void {
  const plan = warmPlanFor(argv, process.env, availableParallelism());
  if (plan.load > 0) holdSignals(); // a run: ^C before its stop handling is installed still stops it (105)
  if (plan.script !== undefined) compileEarly(plan.script, process.cwd());
  warmThreads(plan.lifecycle, plan.load, plan.warmUpRequests);
}

function flagValue(argv: readonly string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const name of names) {
      if (a === name) return argv[i + 1] ?? '';
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
    }
  }
  return undefined;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}
