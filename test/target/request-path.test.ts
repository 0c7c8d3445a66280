import { describe, expect, it } from 'vitest';
import { parseBoundedInt, requestPath } from '../../src/target/request-path.js';

describe('requestPath', () => {
  it.each([
    ['/', '/'],
    ['/delay/50', '/delay/50'],
    ['/json?x=1&y=2', '/json'],
    ['/?', '/'],
    ['http://example.test:8080/echo?q=1', '/echo'],
    ['/%ZZ', '/%ZZ'],
  ])('%s → %s', (target, path) => {
    expect(requestPath(target)).toBe(path);
  });

  it.each([undefined, '', '*', 'not a url', 'http://[bad'])('rejects %j', (target) => {
    expect(requestPath(target)).toBeUndefined();
  });
});

describe('parseBoundedInt', () => {
  it.each([
    ['0', 10, 0],
    ['10', 10, 10],
    ['007', 10, 7],
  ])('%s (max %i) → %i', (segment, max, n) => {
    expect(parseBoundedInt(segment, max)).toBe(n);
  });

  it.each(['', '11', '-1', '1.5', '1e3', ' 1', 'abc', '1/2', '99999999999999999999'])('rejects %j (max 10)', (segment) => {
    expect(parseBoundedInt(segment, 10)).toBeUndefined();
  });
});
