#!/usr/bin/env node
/**
 * volley's benchmark runner and registry: `node benchmarks/run.mjs [NAME...] [--smoke] [--out KIND]`
 * (`npm run bench`, `npm run bench -- NAME`, `npm run bench:smoke`). `--out json` (or `csv`,
 * repeatable) runs volley's http-throughput legs with that output writing to a scratch file, to
 * measure what an output costs (A/B against a run without it).
 *
 * A benchmark is a module exporting `{ name, description, run({ smoke, log, volleyOuts }) }`; `run` prints its
 * figures through `log` and throws only when the harness itself broke (a required peer missing,
 * nginx not starting, a generator exiting non-zero). Speed is never asserted, so the exit code is
 * 0 (figures printed), 1 (a benchmark's harness broke) or 2 (bad arguments).
 */
import { describeEnvironment } from './harness/environment.mjs';
import * as httpThroughput from './http-throughput.mjs';
import * as memory from './memory.mjs';
import * as startup from './startup.mjs';
import * as accuracy from './accuracy.mjs';
import * as arrivalRate from './arrival-rate.mjs';
import * as soak from './soak.mjs';
import * as ws from './ws.mjs';
import * as grpc from './grpc.mjs';
import * as capacity from './capacity.mjs';

/** Every benchmark, in the order `npm run bench` runs them. */
const BENCHMARKS = [httpThroughput, memory, startup, accuracy, arrivalRate, soak, ws, grpc, capacity];

const USAGE = 'usage: node benchmarks/run.mjs [NAME...] [--smoke] [--out json|csv]';
/** The outputs `--out` may turn on in volley's legs: those that write a file. */
const VOLLEY_OUTS = ['json', 'csv'];

function parseArgs(argv) {
  const names = [];
  const volleyOuts = [];
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--smoke') smoke = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      const kind = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (!VOLLEY_OUTS.includes(kind)) return { error: `--out takes ${VOLLEY_OUTS.join(' or ')} (got ${kind ?? 'nothing'})` };
      volleyOuts.push(kind);
    } else if (arg === '--help' || arg === '-h') return { help: true };
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else names.push(arg);
  }
  return { names, smoke, volleyOuts };
}

function listing() {
  return BENCHMARKS.map((b) => `  ${b.name.padEnd(18)} ${b.description}`).join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(`${USAGE}\n\nbenchmarks:\n${listing()}`);
    return 0;
  }
  if (args.error) {
    console.error(`bench: ${args.error}\n${USAGE}`);
    return 2;
  }
  const unknown = args.names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`bench: unknown benchmark ${unknown.join(', ')}; known:\n${listing()}`);
    return 2;
  }
  const selected = args.names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => args.names.includes(b.name));
  const log = (line) => console.log(line);
  log(`bench: ${describeEnvironment()}${args.smoke ? '  (smoke: short and single-round; figures are not for comparison)' : ''}`);
  let broken = 0;
  for (const bench of selected) {
    try {
      await bench.run({ smoke: args.smoke, log, volleyOuts: args.volleyOuts });
    } catch (error) {
      broken++;
      console.error(`bench: ${bench.name}: the harness broke: ${error.message}`);
    }
  }
  return broken > 0 ? 1 : 0;
}

process.exitCode = await main();
