/** k6's shortcut options → the default scenario: stages and --stage give ramping-vus, with k6's precedence. */
import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from '../../src/errors.js';
import { deriveScenarios, shortcutsFromFlags } from '../../src/config/shortcuts.js';

const derive = (script: Record<string, unknown>, stage?: string[], vus?: number) => {
  const issues: ConfigIssue[] = [];
  const flags = shortcutsFromFlags({ ...(stage && { stage }), ...(vus !== undefined && { vus }) }, issues);
  return { scenarios: deriveScenarios(script, flags, issues), issues };
};

describe('stages shortcuts', () => {
  const stages = [{ duration: '10s', target: 5 }];

  it.each([
    ['options.stages', { stages }, undefined, undefined, { startVUs: 1, stages }],
    ['options.stages with vus as startVUs', { vus: 3, stages }, undefined, undefined, { startVUs: 3, stages }],
    ['--stage DUR:TARGET (repeatable)', {}, ['2s:5', '2s:0'], undefined, { startVUs: 1, stages: [{ duration: '2s', target: 5 }, { duration: '2s', target: 0 }] }],
    ["--stage over the script's duration (k6: a higher level's stages drop it), the script's vus kept", { vus: 2, duration: '30s' }, ['1s:4'], undefined, { startVUs: 2, stages: [{ duration: '1s', target: 4 }] }],
    ["--stage over the script's scenarios", { scenarios: { a: { executor: 'constant-vus', duration: '1s' } } }, ['1s:4'], 0, { startVUs: 0, stages: [{ duration: '1s', target: 4 }] }],
  ])('%s → ramping-vus', (_name, script, stage, vus, expected) => {
    const { scenarios, issues } = derive(script, stage, vus);
    expect(issues).toEqual([]);
    expect(scenarios).toEqual({ default: { executor: 'ramping-vus', ...expected } });
  });

  it('--vus alone keeps the script stages and sets startVUs', () => {
    expect(derive({ stages }, undefined, 4).scenarios).toEqual({ default: { executor: 'ramping-vus', startVUs: 4, stages } });
  });

  it('reports stages and duration set together in the script', () => {
    expect(derive({ stages, duration: '5s' }).issues.map((i) => i.path)).toEqual(['options.duration']);
  });

  it.each([['10s'], ['10s:'], ['10s:x'], [':5'], ['30:10'], ['1s:2:3'], ['soon:1']])('rejects --stage %s', (text) => {
    expect(derive({}, [text]).issues.map((i) => i.path)).toEqual(['--stage']);
  });
});
