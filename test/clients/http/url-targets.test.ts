import { describe, expect, it } from 'vitest';
import { UrlTargets, parseTarget } from '../../../src/clients/http/url-targets.js';

describe('parseTarget', () => {
  it('splits a URL into origin and path with query, dropping the fragment', () => {
    expect(parseTarget('HTTP://Example.COM:80/a/b?x=1#frag', undefined)).toMatchObject({ origin: 'http://example.com', path: '/a/b?x=1', authorization: null });
  });

  it('keeps a non-default port in the origin', () => {
    expect(parseTarget('https://h:8443/', undefined)?.origin).toBe('https://h:8443');
  });

  it.each(['', 'nope', 'ftp://h/x', 'file:///etc/passwd', '/relative'])('rejects %j', (url) => {
    expect(parseTarget(url, undefined)).toBeNull();
  });

  it('turns credentials into a basic Authorization value', () => {
    expect(parseTarget('http://u%3A1:p@h/', undefined)?.authorization).toBe(`Basic ${Buffer.from('u:1:p').toString('base64')}`);
  });
});

describe('UrlTargets', () => {
  it('returns the same target for the same URL', () => {
    const targets = new UrlTargets();
    expect(targets.resolve('http://h/a')).toBe(targets.resolve('http://h/a'));
  });

  it('stays bounded when every URL is different', () => {
    const targets = new UrlTargets();
    const first = targets.resolve('http://h/0');
    for (let i = 1; i <= 5000; i++) targets.resolve(`http://h/${i}`);
    expect(targets.resolve('http://h/0')).not.toBe(first);
  });
});
