/** `volley inspect`: resolved options and each scenario's plan as JSON, without running anything. */
import { describe, expect, it } from 'vitest';
import { runVolley } from '../support/run-volley.js';
import { scenarioFile } from '../support/scenario-file.js';

const script = `
export const options = {
  scenarios: {
    early: { executor: 'constant-vus', vus: 3, duration: '4s', gracefulStop: '2s', tags: { team: 'a' } },
    late: { executor: 'per-vu-iterations', vus: 2, iterations: 2, startTime: '3s', maxDuration: '10s', exec: 'late' },
  },
  thresholds: { http_req_duration: ['p(95)<300'] },
};
export default async function () { console.log('ITERATION RAN'); }
export async function late() { console.log('ITERATION RAN'); }
`;

describe('volley inspect', () => {
  it('prints the resolved options and per scenario its VUs and duration with graceful stop', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['inspect', path]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).not.toContain('ITERATION RAN');
    const out = JSON.parse(res.stdout) as {
      options: { scenarios: { name: string; exec: string; gracefulStopMs: number; tags: Record<string, string> }[]; thresholds: { metric: string }[] };
      plan: { name: string; executor: string; startTimeMs: number; maxVUs: number; maxDurationMs: number }[];
      maxVUs: number;
      totalDurationMs: number;
    };
    expect(out.options.scenarios.map((s) => [s.name, s.exec, s.gracefulStopMs])).toEqual([
      ['early', 'default', 2000],
      ['late', 'late', 30_000],
    ]);
    expect(out.options.scenarios[0]?.tags).toEqual({ team: 'a' });
    expect(out.options.thresholds[0]?.metric).toBe('http_req_duration');
    expect(out.plan).toEqual([
      { name: 'early', executor: 'constant-vus', startTimeMs: 0, maxVUs: 3, maxDurationMs: 6000 },
      { name: 'late', executor: 'per-vu-iterations', startTimeMs: 3000, maxVUs: 2, maxDurationMs: 40_000 },
    ]);
    expect(out.maxVUs).toBe(5);
    expect(out.totalDurationMs).toBe(43_000);
  });

  it('applies flags as run does: --vus/--duration replace the scenarios', async () => {
    const { path } = await scenarioFile(script);
    const res = await runVolley(['inspect', path, '--vus', '7', '--duration', '2s']);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as { plan: { name: string; maxVUs: number; maxDurationMs: number }[] };
    expect(out.plan).toEqual([expect.objectContaining({ name: 'default', maxVUs: 7, maxDurationMs: 32_000 })]);
  });

  it('exits 104 with every option problem, printing no JSON', async () => {
    const { path } = await scenarioFile("export const options = { scenarios: { a: { executor: 'constant-vus', vus: -1, duration: 'x' } } };\nexport default async function () {}\n");
    const res = await runVolley(['inspect', path]);
    expect(res.code).toBe(104);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('options.scenarios.a.vus');
    expect(res.stderr).toContain('options.scenarios.a.duration');
  });

  it('warns on stderr about top-level options it ignores, and resolves the rest', async () => {
    const { path } = await scenarioFile("export const options = { vus: 2, treshold: { http_req_failed: ['rate<0.1'] }, rps: 50 };\nexport default async function () {}\n");
    const res = await runVolley(['inspect', path]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('warning: options.treshold: not an option volley knows; ignored (did you mean thresholds?)');
    expect(res.stderr).toContain("warning: options.rps: k6's option is not supported by volley");
    expect((JSON.parse(res.stdout) as { maxVUs: number }).maxVUs).toBe(2);
  });

  it("takes k6's --no-connection-reuse and --insecure-skip-tls-verify over the script's options, and VOLLEY_ variables for them and --no-thresholds", async () => {
    const { path } = await scenarioFile('export const options = { noConnectionReuse: false, insecureSkipTLSVerify: false };\nexport default async function () {}\n');
    const optionsOf = (res: { code: number | null; stdout: string; stderr: string }) => {
      expect(res.code, res.stderr).toBe(0);
      return (JSON.parse(res.stdout) as { options: { noConnectionReuse: boolean; insecureSkipTLSVerify: boolean; noThresholds: boolean } }).options;
    };
    expect(optionsOf(await runVolley(['inspect', path]))).toMatchObject({ noConnectionReuse: false, insecureSkipTLSVerify: false });
    expect(optionsOf(await runVolley(['inspect', path, '--no-connection-reuse', '--insecure-skip-tls-verify']))).toMatchObject({ noConnectionReuse: true, insecureSkipTLSVerify: true });
    // VOLLEY_NO_* variables name a negated flag: yargs' strict mode once rejected them.
    const env = { VOLLEY_NO_CONNECTION_REUSE: '1', VOLLEY_INSECURE_SKIP_TLS_VERIFY: 'true', VOLLEY_NO_THRESHOLDS: '1', VOLLEY_NO_COLOR: '1' };
    expect(optionsOf(await runVolley(['inspect', path], { env }))).toMatchObject({ noConnectionReuse: true, insecureSkipTLSVerify: true, noThresholds: true });
  });
});

