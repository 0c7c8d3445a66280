import { describe, expect, it } from 'vitest';
import { readCallParams, readConnectParams } from '../../../src/clients/grpc/call-params.js';
import { GrpcCallError } from '../../../src/clients/grpc/grpc-errors.js';

describe('readCallParams', () => {
  it('reads metadata, tags, timeout and discardResponseMessage; the default timeout applies when none is given', () => {
    expect(readCallParams('invoke()', undefined, 120_000)).toMatchObject({ timeoutMs: 120_000, tags: null, metadata: [] });
    expect(readCallParams('invoke()', { metadata: { 'X-Id': '1' }, tags: { name: 'n' }, timeout: '5s', discardResponseMessage: true }, 120_000)).toEqual({
      metadata: [['x-id', '1']],
      tags: { name: 'n' },
      timeoutMs: 5000,
      discardResponseMessage: true,
    });
  });

  it.each([
    [{ timeot: 1 }, 'unknown param "timeot"'],
    [{ timeout: 'soon' }, 'invalid timeout "soon"'],
    [{ metadata: { a: 1 } }, 'metadata "a": the value must be a string'],
    [{ metadata: { 'a-bin': 'x' } }, 'metadata "a-bin": the value must be bytes'],
    [{ tags: 'x' }, 'tags must be an object'],
  ])('refuses %j', (params, message) => {
    expect(() => readCallParams('invoke()', params as never, 0)).toThrow(GrpcCallError);
    expect(() => readCallParams('invoke()', params as never, 0)).toThrow(message);
  });
});

describe('readConnectParams', () => {
  it("uses k6's defaults: TLS, no reflection, a 60 s timeout", () => {
    expect(readConnectParams(undefined)).toMatchObject({ plaintext: false, reflect: false, timeoutMs: 60_000, protos: undefined });
  });

  it.each([
    [{ plaintext: 'yes' }, 'plaintext must be true or false'],
    [{ protos: {} }, 'protos must be what loadProtos() returned'],
    [{ maxReceiveSize: -1 }, 'maxReceiveSize must be a whole number of bytes'],
    [{ tls: { ca: 'x' } }, 'unknown tls key "ca"'],
    [{ reflection: true }, 'unknown param "reflection"'],
  ])('refuses %j', (params, message) => {
    expect(() => readConnectParams(params as never)).toThrow(message);
  });
});
