import { describe, expect, it } from 'vitest';
import { HttpResponse, type ResponseInit } from '../../../src/clients/http/response.js';

const TIMINGS = { blocked: 0, connecting: 0, tls_handshaking: 0, sending: 0, waiting: 1, receiving: 0, duration: 1 };

function response(over: Partial<ResponseInit>): HttpResponse {
  return new HttpResponse({
    method: 'GET',
    url: 'http://h/x',
    status: 200,
    rawHeaders: null,
    chunks: null,
    responseType: 'text',
    timings: TIMINGS,
    error: '',
    errorCode: 0,
    ...over,
  });
}

describe('HttpResponse', () => {
  it('joins chunks before decoding so a character split across them survives', () => {
    const bytes = Buffer.from('añb');
    expect(response({ chunks: [bytes.subarray(0, 2), bytes.subarray(2)] }).body).toBe('añb');
  });

  it('returns the same decoded body on every access', () => {
    const r = response({ chunks: Buffer.from('x') });
    expect(r.body).toBe(r.body);
    expect(r.headers).toBe(r.headers);
  });

  it('has no body and no headers for a failed request', () => {
    const r = response({ status: 0, chunks: Buffer.from('junk'), error: 'dial: connection refused', errorCode: 1212 });
    expect(r.body).toBeNull();
    expect(r.headers).toEqual({});
  });

  it('gives an empty Uint8Array for an empty binary body', () => {
    expect(response({ responseType: 'binary' }).body).toEqual(new Uint8Array(0));
  });

  it('selects into nested arrays and objects, undefined off the path', () => {
    const r = response({ chunks: Buffer.from('{"a":[{"b":{"c":1}}],"n":null}') });
    expect(r.json('a.0.b.c')).toBe(1);
    expect(r.json('a.0.z')).toBeUndefined();
    expect(r.json('n.x')).toBeUndefined();
    expect(r.json('constructor')).toBeUndefined();
  });

  it('says why json() failed on a failed request', () => {
    expect(() => response({ status: 0, error: 'request timeout', errorCode: 1050 }).json()).toThrow(/request failed \(request timeout\)/);
  });

  it('serialises to JSON with status, headers, body and timings', () => {
    const r = response({ rawHeaders: [Buffer.from('X-A'), Buffer.from('1')], chunks: Buffer.from('hi') });
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      status: 200,
      url: 'http://h/x',
      headers: { 'x-a': '1' },
      body: 'hi',
      timings: TIMINGS,
      error: '',
      error_code: 0,
    });
  });
});
