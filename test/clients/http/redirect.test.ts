import { describe, expect, it } from 'vitest';
import { findLocation, isRedirectStatus, nextHop } from '../../../src/clients/http/redirect.js';

const HEADERS = ['user-agent', 'ua', 'content-type', 'application/json', 'Authorization', 'Bearer x', 'Cookie', 'a=1'];

describe('nextHop', () => {
  it('resolves a relative Location against the answering URL', () => {
    expect(nextHop('GET', 302, '../b?q=1', 'http://h:8/a/x/y', HEADERS).target?.href).toBe('http://h:8/a/b?q=1');
  });

  it.each([301, 302, 303])('turns a POST into a GET without body or content headers after %i', (status) => {
    const hop = nextHop('POST', status, '/next', 'http://h/a', HEADERS);
    expect(hop).toMatchObject({ method: 'GET', dropBody: true });
    expect(hop.headers).not.toContain('content-type');
  });

  it.each([307, 308])('repeats the method and body after %i', (status) => {
    expect(nextHop('PUT', status, '/next', 'http://h/a', HEADERS)).toMatchObject({ method: 'PUT', dropBody: false, headers: HEADERS });
  });

  it('keeps HEAD a HEAD', () => {
    expect(nextHop('HEAD', 302, '/next', 'http://h/a', HEADERS).method).toBe('HEAD');
  });

  it('drops credentials when the origin changes, in any letter case', () => {
    const hop = nextHop('GET', 302, 'http://other/x', 'http://h/a', HEADERS);
    expect(hop.headers).toEqual(['user-agent', 'ua', 'content-type', 'application/json']);
  });

  it('has no target for a Location that is not http(s)', () => {
    expect(nextHop('GET', 302, 'mailto:x@y', 'http://h/a', HEADERS).target).toBeNull();
  });
});

describe('findLocation', () => {
  it('finds the Location header in any letter case', () => {
    expect(findLocation([Buffer.from('Server'), Buffer.from('x'), Buffer.from('LOCATION'), Buffer.from('/to')])).toBe('/to');
  });

  it('returns null without one', () => {
    expect(findLocation([Buffer.from('Server'), Buffer.from('x')])).toBeNull();
  });
});

describe('isRedirectStatus', () => {
  it('is true for 301, 302, 303, 307 and 308 only', () => {
    expect([300, 301, 302, 303, 304, 305, 307, 308].filter(isRedirectStatus)).toEqual([301, 302, 303, 307, 308]);
  });
});
