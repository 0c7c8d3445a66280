/**
 * What a user does: install volley from its packed tarball (production dependencies only) into a
 * project of their own outside the repo, write a scenario there that imports volley's types and a
 * package of their own, run it with `npx volley run`, and type-check it against the published
 * types. Takes ≈ 15–30 s here, most of it `npm install` (from the npm cache `npm ci` filled).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCommand, type SpawnOptions } from '../support/spawn-node.js';
import { REPO_ROOT } from '../support/repo-root.js';
import { tempDir } from '../support/temp-dir.js';
import { metricValue, readSummary } from '../support/summary-export.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

// npm, npx and volley's `#!/usr/bin/env node` all run on the Node that runs this test.
const env = { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
const npm = (args: string[], cwd: string, timeoutMs = 90_000) => runCommand('npm', args, { cwd, env, timeoutMs } satisfies SpawnOptions);

const SCENARIO = `
import { Counter } from 'volley';
import type { Iteration, Options } from 'volley';
import { greet } from 'greeting';

const greeted = new Counter('greeted');
export const options: Options = { vus: 2, iterations: 10 };
export default async function ({ http, env, check, metrics }: Iteration) {
  const res = await http.get(\`\${env.BASE_URL}/\`);
  check(res, { 'status is 200': (r) => r.status === 200 });
  check(greet('volley'), { 'greets': (s) => s === 'hello, volley' });
  metrics.add(greeted, 1);
}
`;
const TYPE_ERROR = `import type { Options } from 'volley';\nexport const options: Options = { vus: 'two' };\n`;
const TSCONFIG = { compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] }, include: ['*.ts'] };

/** A package of the user's own in their node_modules: ESM with its types. */
async function writeGreetingPackage(project: string): Promise<void> {
  const dir = join(project, 'node_modules', 'greeting');
  await mkdir(dir, { recursive: true });
  const exports = { '.': { types: './index.d.ts', default: './index.js' } };
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'greeting', version: '1.0.0', type: 'module', exports }));
  await writeFile(join(dir, 'index.js'), 'export const greet = (name) => `hello, ${name}`;\n');
  await writeFile(join(dir, 'index.d.ts'), 'export declare function greet(name: string): string;\n');
}

it('installs from the packed tarball, runs a scenario with npx volley and type-checks it against the published types', async () => {
  const work = await tempDir();
  // npm test built dist/ first; --ignore-scripts keeps `npm pack` from building it again.
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  const paths = files.map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(['bin/volley.mjs', 'dist/volley-cli.js', 'dist/api/index.d.ts', 'dist/volley-yargs-locales/en.json', 'scenarios/quickstart.ts']));
  expect(paths.filter((p) => /^(src|test|benchmarks)\/|^bin\/(build-bundles|bundle-stubs)/.test(p)), 'build and test files stay out of the package').toEqual([]);

  const project = join(work, 'load-tests');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'load-tests', private: true, type: 'module' }));
  const installed = await npm(['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)], project);
  expect(installed.code, installed.stderr).toBe(0);
  await writeGreetingPackage(project);
  await writeFile(join(project, 'scenario.ts'), SCENARIO);
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));

  const run = await runCommand('npx', ['--no', 'volley', 'run', 'scenario.ts', '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', 'summary.json'], { cwd: project, env });
  expect(run.code, run.stderr).toBe(0);
  const summary = await readSummary(join(project, 'summary.json'));
  expect([metricValue(summary, 'iterations', 'count'), metricValue(summary, 'greeted', 'count'), metricValue(summary, 'checks', 'rate')]).toEqual([10, 10, 1]);
  expect(target.stats()['/']).toBe(10);

  // The scenario type-checks clean, and the deliberate error in a second file is the one reported.
  await writeFile(join(project, 'bad.ts'), TYPE_ERROR);
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const checked = await runCommand(process.execPath, [tsc, '-p', project], { cwd: project, env });
  expect(checked.code).not.toBe(0);
  expect(checked.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^bad\.ts\(2,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/)]);
}, 150_000);
