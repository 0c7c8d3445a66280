import { describe, expect, it } from 'vitest';
import { RequestPlanner, isExpected } from '../../../src/clients/http/request-plan.js';
import { HttpParamsError } from '../../../src/clients/http/http-errors.js';
import { DEFAULTS } from './http-under-test.js';

const planner = () => new RequestPlanner(DEFAULTS);

describe('RequestPlanner', () => {
  it('reuses one frozen plan for requests without params', () => {
    const p = planner();
    expect(p.plan(undefined, false)).toBe(p.plan(undefined, false));
    expect(Object.isFrozen(p.plan(undefined, false))).toBe(true);
  });

  it('fills in the defaults', () => {
    expect(planner().plan(undefined, false)).toMatchObject({
      headers: ['user-agent', DEFAULTS.userAgent],
      timeoutMs: 60_000,
      responseType: 'text',
      maxRedirects: 10,
      expected: null,
    });
  });

  it('adds Content-Type application/json for JSON bodies', () => {
    expect(planner().plan(undefined, true).headers).toEqual(['user-agent', DEFAULTS.userAgent, 'content-type', 'application/json']);
  });

  it("defaults responseType to 'none' with discardResponseBodies", () => {
    expect(new RequestPlanner({ ...DEFAULTS, discardResponseBodies: true }).plan(undefined, false).responseType).toBe('none');
  });

  it.each([
    [5000, 5000],
    ['10s', 10_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    // k6's GetDurationValue: a number in a string is milliseconds too, not seconds
    ['5000', 5000],
    ['1d', 86_400_000],
    ['.5s', 500],
    [1.5, 1.5],
  ])('reads the timeout %j as %d ms', (timeout, ms) => {
    expect(planner().plan({ timeout }, false).timeoutMs).toBe(ms);
  });

  it('takes redirects, or maxRedirects, as the redirect limit', () => {
    expect(planner().plan({ redirects: 3 }, false).maxRedirects).toBe(3);
    expect(planner().plan({ maxRedirects: 4 }, false).maxRedirects).toBe(4);
  });

  it('separates tags.name from the other tags and keys those stably', () => {
    const a = planner().plan({ tags: { name: 'n', b: '2', a: '1' } }, false);
    const b = planner().plan({ tags: { a: '1', b: '2' } }, false);
    expect(a).toMatchObject({ name: 'n', tags: { a: '1', b: '2' } });
    expect(a.tagsKey).toBe(b.tagsKey);
    expect(a.tagsKey).not.toBe('');
  });

  it('has no user tags when only a name is given', () => {
    expect(planner().plan({ tags: { name: 'n' } }, false)).toMatchObject({ name: 'n', tags: null, tagsKey: '' });
  });

  it('drops headers whose value is undefined and stringifies the others', () => {
    const headers = planner().plan({ headers: { 'X-A': undefined as never, 'X-N': 5 as never } }, false).headers;
    expect(headers).toEqual(['X-N', '5', 'user-agent', DEFAULTS.userAgent]);
  });

  it.each([
    [{ timeout: 0 }],
    [{ timeout: 'soon' }],
    [{ timeout: '-1s' }],
    [{ timeout: '10x' }],
    [{ redirects: 1.5 }],
    [{ responseType: 'blob' }],
    [{ expectedStatuses: 200 }],
    [{ expectedStatuses: [{ min: 200 }] }],
    [{ headers: 'x' }],
    [{ tags: 3 }],
  ])('rejects %j with HttpParamsError', (params) => {
    expect(() => planner().plan(params as never, false)).toThrow(HttpParamsError);
  });
});

describe('isExpected', () => {
  it.each([
    [199, false],
    [200, true],
    [399, true],
    [400, false],
  ])('by default (200–399) status %i → %s', (status, expected) => {
    expect(isExpected(status, null)).toBe(expected);
  });

  it('matches single statuses and inclusive ranges', () => {
    const list = [201, { min: 400, max: 404 }];
    expect([200, 201, 400, 404, 405].map((s) => isExpected(s, list))).toEqual([false, true, true, true, false]);
  });
});
