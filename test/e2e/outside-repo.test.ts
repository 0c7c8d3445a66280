/** A scenario anywhere on disk: it imports `volley` and a CommonJS package from its own node_modules. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

it('runs a scenario outside the repo that imports volley and a CommonJS package', async () => {
  const { dir, path } = await scenarioFile(`
import { Counter } from 'volley';
import type { Iteration } from 'volley';
import { shout } from 'shouter';
const shouted = new Counter('shouted');
export const options = { iterations: 4 };
export default async function ({ http, env, metrics, check }: Iteration) {
  const r = await http.get(env.BASE_URL + '/');
  check(shout('ok'), { 'cjs works': (s) => s === 'OK!' });
  metrics.add(shouted, 1);
}
`);
  const pkg = join(dir, 'node_modules', 'shouter');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: 'shouter', version: '1.0.0', main: 'index.js' }));
  await writeFile(join(pkg, 'index.js'), "const util = require('node:util');\nexports.shout = (s) => util.format('%s!', s.toUpperCase());\n");
  const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')], { cwd: dir });
  expect(res.code, res.stderr).toBe(0);
  const summary = await readSummary(join(dir, 's.json'));
  expect(summary.metrics.shouted?.values.count).toBe(4);
  expect(summary.metrics.checks?.values.rate).toBe(1);
});
