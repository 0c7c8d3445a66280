/** The run's outputs as one: an output that fails is reported once and dropped; the others and the run go on. */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { OutputSet, type OutputSpec } from '../../src/outputs/output-set.js';
import type { Output, OutputStart } from '../../src/outputs/output.js';
import { MetricStore } from '../../src/metrics/metric-store.js';
import { WHOLE } from '../../src/executors/segment.js';
import type { ResolvedOptions } from '../../src/config/options.js';

const start: OutputStart = {
  io: { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd: '/', stdoutIsTTY: false, stderrIsTTY: false, onSignal: () => () => {} },
  options: {} as ResolvedOptions,
  scenarios: [],
  scriptPath: '/script.ts',
  startedAtMs: 0,
  segment: WHOLE,
  workers: 1,
  quiet: true,
  noColor: true,
  live: { activeVUs: () => 0 },
};
const second = (index: number) => ({ index, startMs: index * 1000, store: new MetricStore() });
const end = { summary: undefined, custom: undefined };

/** An output that records what it was given, and throws where told. */
function recording(name: string, log: string[], fail: { second?: number; finish?: boolean } = {}): OutputSpec {
  const output: Output = {
    addSecond(s) {
      if (s.index === fail.second) throw new Error(`${name}: disk full`);
      log.push(`${name} second ${s.index}`);
    },
    async finish() {
      log.push(`${name} finish`);
      if (fail.finish || fail.second !== undefined) throw new Error(`${name}: cannot close`);
    },
  };
  return { name, open: () => output };
}

describe('OutputSet', () => {
  it('reports an output that throws once, feeds it nothing more, and goes on with the others', async () => {
    const log: string[] = [];
    const said: string[] = [];
    const set = new OutputSet([recording('a', log, { second: 1 }), recording('b', log)], start, (line) => said.push(line));
    for (const i of [0, 1, 2]) set.addSecond(second(i));
    const failures = await set.finish(end);
    expect(log).toEqual(['a second 0', 'b second 0', 'b second 1', 'b second 2', 'a finish', 'b finish']);
    expect(said).toEqual(['error: a: disk full\n']);
    expect(failures).toHaveLength(1);
  });

  it('finishes in order, each after the one before, and only once', async () => {
    const log: string[] = [];
    const said: string[] = [];
    const set = new OutputSet([recording('first', log, { finish: true }), recording('second', log)], start, (line) => said.push(line));
    await set.finish(end);
    await set.finish(end);
    expect(log).toEqual(['first finish', 'second finish']);
    expect(said).toEqual(['error: first: cannot close\n']);
  });

  it('leaves out an output whose factory throws, and makes the others', async () => {
    const log: string[] = [];
    const said: string[] = [];
    const broken: OutputSpec = { name: 'broken', open: () => { throw new Error('--out json: cannot write /x (ENOENT)'); } };
    const set = new OutputSet([broken, recording('b', log), { name: 'none', open: () => undefined }], start, (line) => said.push(line));
    set.addSecond(second(0));
    await set.finish(end);
    expect(said).toEqual(['error: --out json: cannot write /x (ENOENT)\n']);
    expect(log).toEqual(['b second 0', 'b finish']);
  });
});
