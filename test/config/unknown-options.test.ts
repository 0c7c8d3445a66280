import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/config/consolidate.js';
import { unknownOptionWarnings } from '../../src/config/unknown-options.js';

describe('unknownOptionWarnings', () => {
  it('says nothing about the options volley reads', () => {
    const options = {
      vus: 2, duration: '1s', iterations: 3, stages: [], scenarios: {}, thresholds: {}, tags: {}, summaryTrendStats: ['avg'],
      discardResponseBodies: true, maxRedirects: 2, userAgent: 'x', setupTimeout: '1s', teardownTimeout: '1s',
      noConnectionReuse: false, insecureSkipTLSVerify: false,
    };
    expect(unknownOptionWarnings(options)).toEqual([]);
  });

  it('names a k6 option volley lacks, with what to use instead when there is something', () => {
    expect(unknownOptionWarnings({ rps: 100, hosts: {} })).toEqual([
      "options.rps: k6's option is not supported by volley and has no effect (use constant-arrival-rate or ramping-arrival-rate)",
      "options.hosts: k6's option is not supported by volley and has no effect",
    ]);
  });

  it.each([
    ['treshold', 'thresholds'],
    ['Thresholds', 'thresholds'],
    ['duraton', 'duration'],
    ['maxredirects', 'maxRedirects'],
    ['insecureSkipTlsVerify', 'insecureSkipTLSVerify'],
  ])('suggests the option a typo %s was meant to be (%s)', (typo, meant) => {
    expect(unknownOptionWarnings({ [typo]: 1 })).toEqual([`options.${typo}: not an option volley knows; ignored (did you mean ${meant}?)`]);
  });

  it('suggests nothing for a key far from every option', () => {
    expect(unknownOptionWarnings({ myOwnSetting: 1 })).toEqual(['options.myOwnSetting: not an option volley knows; ignored']);
  });

  it('consolidate still accepts what it warns about, as k6 ignores unknown top-level keys', () => {
    expect(consolidate({ vus: 2, treshold: {}, rps: 5 }, {}, 'ua').scenarios[0]?.config).toMatchObject({ vus: 2 });
  });
});
