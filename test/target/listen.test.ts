import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { urlHost } from '../../src/target/listen.js';

describe('urlHost', () => {
  it.each<[AddressInfo, string]>([
    [{ address: '127.0.0.1', family: 'IPv4', port: 1 }, '127.0.0.1'],
    [{ address: '::1', family: 'IPv6', port: 1 }, '[::1]'],
    [{ address: '0.0.0.0', family: 'IPv4', port: 1 }, '127.0.0.1'],
    [{ address: '::', family: 'IPv6', port: 1 }, '[::1]'],
  ])('%j → %s', (address, host) => {
    expect(urlHost(address)).toBe(host);
  });
});
