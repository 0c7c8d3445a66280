import { describe, expect, it } from 'vitest';
import { envFlagHint, unknownEnvFlags } from '../../src/cli/env-flags.js';

describe('unknownEnvFlags', () => {
  const env = { VOLLEY_MY_TOKEN: 'x', VOLLEY_VUS: '3', VOLLEY_: '', HOME: '/root', MY_TOKEN: 'y' };

  it('finds the VOLLEY_ variables behind the unknown arguments yargs names (camelCase)', () => {
    expect(unknownEnvFlags('Unknown argument: myToken', env)).toEqual(['VOLLEY_MY_TOKEN']);
    expect(unknownEnvFlags('Unknown arguments: bogus, myToken', env)).toEqual(['VOLLEY_MY_TOKEN']);
  });

  it('finds none for an unknown command-line flag, or another message', () => {
    expect(unknownEnvFlags('Unknown arguments: bogus-flag, bogusFlag', env)).toEqual([]);
    expect(unknownEnvFlags('Not enough arguments following: vus', env)).toEqual([]);
  });

  it('names one variable or several in its hint', () => {
    expect(envFlagHint(['VOLLEY_A'])).toMatch(/^VOLLEY_A in the environment is read as a volley flag.*unset it/);
    expect(envFlagHint(['VOLLEY_A', 'VOLLEY_B'])).toMatch(/^VOLLEY_A, VOLLEY_B in the environment are read as volley flags.*unset them/);
  });
});
