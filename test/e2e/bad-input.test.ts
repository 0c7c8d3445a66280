/** A user's mistake gets a clear message and the right exit code, never a stack trace from volley. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runVolley } from '../support/run-volley.js';
import { startTestTarget, type RunningTarget } from '../support/test-target.js';
import { scenarioFile } from '../support/scenario-file.js';
import { readSummary } from '../support/summary-export.js';

let target: RunningTarget;
beforeAll(async () => (target = await startTestTarget()));
afterAll(() => target.close());

const withOptions = (options: string) => `
export const options = ${options};
export default async function () {}
`;

describe('bad input', () => {
  it('a missing script file exits 104', async () => {
    const res = await runVolley(['run', '/nonexistent/nowhere.ts']);
    expect(res.code).toBe(104);
    expect(res.stderr).toContain('/nonexistent/nowhere.ts does not exist');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('a VOLLEY_ variable that names no flag is warned about once, naming the closest flag, and the command goes on', async () => {
    const { path } = await scenarioFile(withOptions('{ vus: 2, iterations: 4 }'));
    const res = await runVolley(['inspect', path], { env: { VOLLEY_MY_TOKEN: 'secret', VOLLEY_SUMARY_EXPORT: 'out.json', VOLLEY_VUS: '1' } });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ maxVUs: 1 }); // the variables that name a flag still count
    expect(res.stderr.match(/VOLLEY_MY_TOKEN/g)).toHaveLength(1);
    expect(res.stderr).toContain('warning: VOLLEY_MY_TOKEN names no flag of volley inspect and is ignored');
    expect(res.stderr).toContain('warning: VOLLEY_SUMARY_EXPORT names no flag of volley inspect and is ignored (did you mean VOLLEY_SUMMARY_EXPORT, for --summary-export?)');
    expect(res.stderr).not.toContain('secret');
  });

  it('every file a flag names is checked before anything runs: 104 naming each, no stack trace', async () => {
    const { dir, path } = await scenarioFile("console.log('init ran');\nexport default async function () {}\n");
    const res = await runVolley(['run', path, '--summary-export', 'missing/summary.json', '--out', `json=${dir}`], { cwd: dir });
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(`--summary-export: cannot write ${join(dir, 'missing/summary.json')}: the folder ${join(dir, 'missing')} does not exist`);
    expect(res.stderr).toContain(`--out json: cannot write ${dir}: it is a folder`);
    expect(res.stderr).not.toContain('init ran');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('a script that fills its worker\'s heap exits 103 saying so, without a stack trace', async () => {
    const { path } = await scenarioFile(`
      export const options = { vus: 1, iterations: 1 };
      const keep: number[][] = [];
      export default async function () { for (let i = 0; i < 400; i++) keep.push(new Array(1_000_000).fill(i)); }
    `);
    const res = await runVolley(['run', path, '-q', '--workers', '1']);
    expect(res.code, res.stderr).toBe(103);
    expect(res.stderr).toMatch(/worker 1 of 1 died [\d.]+s into the run: ran out of memory/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('a TypeScript syntax error exits 107 with file:line:col', async () => {
    const { path } = await scenarioFile('export default async function () {\n  const x = ;\n}\n');
    const res = await runVolley(['run', path]);
    expect(res.code).toBe(107);
    expect(res.stderr).toMatch(/scenario\.ts:2:13: error:/);
  });

  it('an exception in init code exits 107 naming the file and line', async () => {
    const { path } = await scenarioFile("const a = 1;\nthrow new TypeError('init broke');\nexport default async function () {}\n");
    const res = await runVolley(['run', path]);
    expect(res.code).toBe(107);
    expect(res.stderr).toContain('TypeError: init broke');
    expect(res.stderr).toMatch(/scenario\.ts:2:\d+/);
  });

  it.each([
    ['negative VUs', "{ scenarios: { api: { executor: 'constant-vus', vus: -1, duration: '1s' } } }", 'options.scenarios.api.vus'],
    ['an unparseable duration', "{ scenarios: { api: { executor: 'constant-vus', vus: 1, duration: 'soon' } } }", 'options.scenarios.api.duration'],
    ['an unknown executor', "{ scenarios: { api: { executor: 'warp-speed' } } }", 'options.scenarios.api.executor'],
    ['a malformed threshold', "{ thresholds: { http_req_duration: ['p95 < 300'] } }", 'options.thresholds["http_req_duration"][0]'],
    ['a threshold method the metric lacks', "{ thresholds: { http_reqs: ['p(95)<300'] } }", 'options.thresholds["http_reqs"][0]'],
    ['a threshold on an unknown metric', "{ thresholds: { nope: ['count>1'] } }", 'options.thresholds["nope"]'],
    ['a field of another executor', "{ scenarios: { api: { executor: 'constant-vus', vus: 1, duration: '1s', rate: 5 } } }", 'options.scenarios.api.rate'],
  ])('%s exits 104 naming the option path', async (_name, options, path) => {
    const { path: file } = await scenarioFile(withOptions(options));
    const res = await runVolley(['run', file]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(path);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every option problem at once', async () => {
    const { path } = await scenarioFile(withOptions("{ scenarios: { a: { executor: 'constant-vus', vus: -1, duration: 'x' } }, thresholds: { http_reqs: ['p(9)<1'] } }"));
    const res = await runVolley(['run', path]);
    expect(res.code).toBe(104);
    expect(res.stderr).toContain('options.scenarios.a.vus');
    expect(res.stderr).toContain('options.scenarios.a.duration');
    expect(res.stderr).toContain('options.thresholds["http_reqs"][0]');
  });

  it('reports scenario problems of every kind in one report, each with its scenario and field', async () => {
    const { path } = await scenarioFile(`
export const options = {
  scenarios: {
    warp: { executor: 'warp-speed' },
    steady: { executor: 'constant-vus', vus: 1, duration: '1s', rate: 5 },
    ramp: { executor: 'ramping-vus', stages: [{ duration: '1s', target: 1 }, { duration: 'soon', target: 2 }] },
    named: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'notExported' },
  },
};
export default async function () {}
`);
    const res = await runVolley(['run', path]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain('invalid options (4 problems)');
    expect(res.stderr).toMatch(/options\.scenarios\.warp\.executor: unknown executor "warp-speed"/);
    expect(res.stderr).toMatch(/options\.scenarios\.steady\.rate: does not belong to the constant-vus executor/);
    expect(res.stderr).toContain('options.scenarios.ramp.stages[1].duration');
    expect(res.stderr).toMatch(/options\.scenarios\.named\.exec: the script does not export a function named notExported/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['--vus', '-3'], '--vus'],
    [['--duration', 'forever'], '--duration: must be a duration such as 30s, 1m30s or 1d (invalid duration "forever")'],
    // k6's command line refuses a bare number; its options would read it as milliseconds
    [['--duration', '30'], '--duration: missing unit in duration "30"'],
    [['--stage', '30:10'], '--stage: missing unit in duration "30"'],
    [['--env', 'NOEQUALS'], '--env'],
  ])('flags %j exit 104 naming %s', async (flags, path) => {
    const { path: file } = await scenarioFile(withOptions('{}'));
    const res = await runVolley(['run', file, ...flags]);
    expect(res.code, res.stderr).toBe(104);
    expect(res.stderr).toContain(path);
  });

  it('an exception inside an iteration is counted, reported in the summary, and the VU goes on', async () => {
    const { dir, path } = await scenarioFile(`
import type { Iteration } from 'volley';
export const options = { vus: 1, iterations: 3 };
export default async function ({ http, env }: Iteration) {
  await http.get(env.BASE_URL + '/');
  const x: any = undefined;
  x.boom();
}
`);
    const res = await runVolley(['run', path, '-e', `BASE_URL=${target.httpUrl}`, '--summary-export', join(dir, 's.json')]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/3 iteration errors?: TypeError: Cannot read properties of undefined \(reading 'boom'\)/);
    expect(res.stdout).toMatch(/scenario\.ts:7/);
    const summary = await readSummary(join(dir, 's.json'));
    expect(summary.metrics.iterations?.values.count).toBe(3);
    expect(summary.metrics.http_reqs?.values.count).toBe(3);
    expect(summary.iteration_errors?.[0]?.count).toBe(3);
  });
});
