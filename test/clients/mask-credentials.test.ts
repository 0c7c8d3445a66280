/** k6's URL.Clean(): credentials in a URL never reach a tag or a message. */
import { describe, expect, it } from 'vitest';
import { maskCredentials } from '../../src/clients/mask-credentials.js';

describe('maskCredentials', () => {
  it.each([
    ['http://user:pass@127.0.0.1:6180/items?id=1', 'http://****:****@127.0.0.1:6180/items?id=1'],
    ['https://user@example.test/', 'https://****@example.test/'],
    ['http://user:@host/', 'http://****:****@host/'],
    ['http://us%40er:p@ss@host/a@b', 'http://****:****@host/a@b'],
    ['ftp://user:pass@host', 'ftp://****:****@host'],
    ['http://host/path@with-at', 'http://host/path@with-at'],
    ['http://host/?q=a@b', 'http://host/?q=a@b'],
    ['http://127.0.0.1:6180/', 'http://127.0.0.1:6180/'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, masked) => {
    expect(maskCredentials(url)).toBe(masked);
  });
});
