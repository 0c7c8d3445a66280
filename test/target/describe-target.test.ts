import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../src/target/describe-target.js';
import { FAULT_ENDPOINTS } from '../../src/target/faults/fault-list.js';

describe('describeTarget', () => {
  it('prints one line per address served, HTTP first, gRPC as the host:port grpc.connect() takes', () => {
    const lines = describeTarget({
      httpUrl: 'http://127.0.0.1:6180',
      wsUrl: 'ws://127.0.0.1:6180',
      grpcAddr: '127.0.0.1:6181',
      close: () => Promise.resolve(),
      stats: () => ({}),
    });
    expect(lines).toEqual(['volley target: http://127.0.0.1:6180', 'volley target: ws://127.0.0.1:6180', 'volley target: grpc 127.0.0.1:6181']);
  });

  it('with faults, adds a line per fault endpoint and one for the refusing port', () => {
    const lines = describeTarget({
      httpUrl: 'http://127.0.0.1:6180',
      wsUrl: 'ws://127.0.0.1:6180',
      grpcAddr: '127.0.0.1:6181',
      refuseUrl: 'http://127.0.0.1:41000',
      close: () => Promise.resolve(),
      stats: () => ({}),
    });
    expect(lines.slice(0, 3)).toEqual(['volley target: http://127.0.0.1:6180', 'volley target: ws://127.0.0.1:6180', 'volley target: grpc 127.0.0.1:6181']);
    expect(lines).toContain('volley target: fault http://127.0.0.1:6180/faults/hang  reads the request and never answers');
    expect(lines.at(-1)).toBe('volley target: fault http://127.0.0.1:41000  resets every connection as it is accepted');
    expect(lines).toHaveLength(3 + FAULT_ENDPOINTS.length + 1);
  });
});
