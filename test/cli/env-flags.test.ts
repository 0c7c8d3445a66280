import { describe, expect, it } from 'vitest';
import { strayEnvFlags } from '../../src/cli/env-flags.js';

describe('strayEnvFlags', () => {
  // What yargs lists for `run`: declared names, their aliases, camelCase forms.
  const runFlags = ['vus', 'u', 'summary-export', 'summaryExport', 'no-thresholds', 'noThresholds', 'env', 'e', 'insecure-skip-tls-verify'];

  it('passes the VOLLEY_ variables that name a flag (VOLLEY_NO_… included), and other variables', () => {
    const env = { VOLLEY_VUS: '3', VOLLEY_SUMMARY_EXPORT: 'x.json', VOLLEY_NO_THRESHOLDS: '1', VOLLEY_INSECURE_SKIP_TLS_VERIFY: '1', HOME: '/root', MY_TOKEN: 'y', VOLLEY_: '' };
    expect(strayEnvFlags(env, 'run', runFlags)).toEqual([]);
  });

  it('finds one that names no flag, with the key yargs made of it (camelCase; VOLLEY_A__B is a.b)', () => {
    const stray = strayEnvFlags({ VOLLEY_MY_TOKEN: 'secret', VOLLEY_A__B: '1' }, 'run', runFlags);
    expect(stray.map((s) => [s.name, s.key])).toEqual([['VOLLEY_MY_TOKEN', 'myToken'], ['VOLLEY_A__B', 'a']]);
  });

  it.each([
    ['VOLLEY_SUMARY_EXPORT', 'did you mean VOLLEY_SUMMARY_EXPORT, for --summary-export?'],
    ['VOLLEY_VU', 'did you mean VOLLEY_VUS, for --vus?'],
    ['VOLLEY_NO_THRESHOLD', 'did you mean VOLLEY_NO_THRESHOLDS, for --no-thresholds?'],
  ])('warns about %s naming the closest flag', (name, hint) => {
    const [stray] = strayEnvFlags({ [name]: '1' }, 'run', runFlags);
    expect(stray?.warning).toBe(`warning: ${name} names no flag of volley run and is ignored (${hint})`);
  });

  it('names no flag when none is close, and points a value meant for the script at -e', () => {
    const [stray] = strayEnvFlags({ VOLLEY_MY_TOKEN: 'secret' }, 'run', runFlags);
    expect(stray?.warning).toBe('warning: VOLLEY_MY_TOKEN names no flag of volley run and is ignored (a value for the script goes in with -e MY_TOKEN=VALUE)');
    expect(stray?.warning).not.toContain('secret');
  });

  it('leaves -e out for a command without it', () => {
    const [stray] = strayEnvFlags({ VOLLEY_VUS: '3' }, 'target', ['port', 'host']);
    expect(stray?.warning).toBe('warning: VOLLEY_VUS names no flag of volley target and is ignored');
  });
});
