import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io.js';
import type { RunRequest } from '../../src/coordinator/run-request.js';
import { warmPlanFor } from '../../src/cli/warm-start.js';
import { scenarioFile } from '../support/scenario-file.js';

// The threads run the built entry modules, so the run side of these tests uses dist/ (npm test builds it first).
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const warmThreads = (await import(dist('coordinator/warm-threads.js'))) as typeof import('../../src/coordinator/warm-threads.js');
const early = (await import(dist('compile/early-compile.js'))) as typeof import('../../src/compile/early-compile.js');
const { runTest } = (await import(dist('coordinator/run-test.js'))) as typeof import('../../src/coordinator/run-test.js');

function quietIo(cwd: string): Io {
  return { stdout: new PassThrough(), stderr: new PassThrough(), env: {}, cwd, stdoutIsTTY: false, stderrIsTTY: false, onSignal: () => () => {} };
}

function request(script: string): RunRequest {
  return { script, flags: { vus: 1, iterations: 1 }, env: {}, includeSystemEnv: false, workers: undefined, outputs: [], summaryMode: 'compact', address: undefined, quiet: true, noColor: true };
}

describe('warm start plan (from the raw arguments)', () => {
  it('warms the lifecycle thread and one load thread per core for run and demo', () => {
    expect(warmPlanFor(['run', 'a.ts'], {}, 2)).toEqual({ lifecycle: true, load: 2, warmUpRequests: true, script: 'a.ts' });
    expect(warmPlanFor(['demo'], {}, 4)).toEqual({ lifecycle: true, load: 4, warmUpRequests: true });
  });

  it('follows --workers and caps at --vus, as the plan will', () => {
    expect(warmPlanFor(['run', 'a.ts', '--workers', '3'], {}, 2)).toMatchObject({ lifecycle: true, load: 3 });
    expect(warmPlanFor(['run', 'a.ts', '--workers=3', '-u', '1'], {}, 2)).toMatchObject({ lifecycle: true, load: 1 });
    expect(warmPlanFor(['run', 'a.ts'], { VOLLEY_VUS: '1' }, 2)).toMatchObject({ lifecycle: true, load: 1 });
  });

  it('caps at --iterations, even with stages: shared-iterations never has more VUs than iterations', () => {
    expect(warmPlanFor(['run', 'a.ts', '-i', '1'], {}, 2)).toMatchObject({ lifecycle: true, load: 1 });
    expect(warmPlanFor(['run', 'a.ts', '--iterations=3', '--stage', '5s:10'], {}, 8)).toMatchObject({ lifecycle: true, load: 3 });
    expect(warmPlanFor(['run', 'a.ts'], { VOLLEY_ITERATIONS: '1' }, 2)).toMatchObject({ lifecycle: true, load: 1 });
  });

  it('skips the request warm-up for a run of fewer iterations than it would send', () => {
    expect(warmPlanFor(['run', 'a.ts', '-i', '1'], {}, 2)).toMatchObject({ warmUpRequests: false });
    expect(warmPlanFor(['run', 'a.ts', '-i', '4000'], {}, 2)).toMatchObject({ warmUpRequests: true });
    expect(warmPlanFor(['run', 'a.ts', '--vus', '10'], {}, 2)).toMatchObject({ warmUpRequests: true });
  });

  it('ignores --vus when stages may ramp above it, and values that are not whole numbers', () => {
    expect(warmPlanFor(['run', 'a.ts', '--vus', '1', '--stage', '5s:10'], {}, 2)).toMatchObject({ lifecycle: true, load: 2 });
    expect(warmPlanFor(['run', 'a.ts', '--workers', 'x', '--vus', '0'], {}, 2)).toMatchObject({ lifecycle: true, load: 2 });
  });

  it('compiles the script early only when it comes right after the command', () => {
    expect(warmPlanFor(['run', '-u', '1', 'a.ts'], {}, 2).script).toBeUndefined();
    expect(warmPlanFor(['demo', 'a.ts'], {}, 2).script).toBeUndefined();
  });

  it('warms only the lifecycle thread for inspect, and nothing for other commands, help or the version', () => {
    expect(warmPlanFor(['inspect', 'a.ts'], {}, 2)).toEqual({ lifecycle: true, load: 0, warmUpRequests: false, script: 'a.ts' });
    expect(warmPlanFor(['target'], {}, 2)).toEqual({ lifecycle: false, load: 0, warmUpRequests: false });
    expect(warmPlanFor(['run', '--help'], {}, 2)).toEqual({ lifecycle: false, load: 0, warmUpRequests: false });
    expect(warmPlanFor(['--version'], {}, 2)).toEqual({ lifecycle: false, load: 0, warmUpRequests: false });
  });
});

describe('warm threads on the paths that end before the load', () => {
  it('a missing script (104) leaves no warm thread running', async () => {
    warmThreads.warmThreads(true, 2);
    const { dir } = await scenarioFile('export default async function () {}');
    expect(await runTest(request('missing.ts'), quietIo(dir)).catch((e: { exitCode: number }) => e.exitCode)).toBe(104);
    expect(warmThreads.warmThreadCount()).toBe(0);
  });

  it('a compile error (107) leaves no warm thread running', async () => {
    warmThreads.warmThreads(true, 2);
    const { dir, path } = await scenarioFile('export default async function ( {');
    expect(await runTest(request(path), quietIo(dir)).catch((e: { exitCode: number }) => e.exitCode)).toBe(107);
    expect(warmThreads.warmThreadCount()).toBe(0);
  });

  it('an error in init (107) leaves no warm thread running', async () => {
    warmThreads.warmThreads(true, 2);
    const { dir, path } = await scenarioFile("throw new Error('boom in init');\nexport default async function () {}");
    expect(await runTest(request(path), quietIo(dir)).catch((e: { exitCode: number }) => e.exitCode)).toBe(107);
    expect(warmThreads.warmThreadCount()).toBe(0);
  });

  it('a run that needs fewer load threads than were warmed terminates the extra ones', async () => {
    warmThreads.warmThreads(true, 3);
    const { dir, path } = await scenarioFile('export default async function () {}');
    expect(await runTest(request(path), quietIo(dir))).toBe(0);
    expect(warmThreads.warmThreadCount()).toBe(0);
  });
});

describe('early compile', () => {
  it('is taken by the compile of the same script, its error surfacing only then', async () => {
    const { dir, path } = await scenarioFile('export default async function ( {');
    early.compileEarly(path, dir);
    expect(await runTest(request(path), quietIo(dir)).catch((e: { exitCode: number }) => e.exitCode)).toBe(107);
  });

  it('a run of another script compiles its own and discards the early one', async () => {
    const broken = await scenarioFile('export default async function ( {');
    const { dir, path } = await scenarioFile('export default async function () {}');
    early.compileEarly(broken.path, broken.dir);
    expect(await runTest(request(path), quietIo(dir))).toBe(0);
    expect(await early.compileScenario(path, dir).then((c) => c.dispose().then(() => 'fresh'))).toBe('fresh');
  });
});
