import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../src/target/describe-target.js';

describe('describeTarget', () => {
  it('prints one line per address served, HTTP first', () => {
    const lines = describeTarget({
      httpUrl: 'http://127.0.0.1:6180',
      wsUrl: 'ws://127.0.0.1:6180/ws',
      close: () => Promise.resolve(),
      stats: () => ({}),
    });
    expect(lines).toEqual(['volley target: http://127.0.0.1:6180', 'volley target: ws://127.0.0.1:6180/ws']);
  });
});
