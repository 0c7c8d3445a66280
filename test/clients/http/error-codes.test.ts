import { describe, expect, it } from 'vitest';
import { failureOf, statusErrorCode, timeoutFailure } from '../../../src/clients/http/error-codes.js';

function err(code: string | undefined, message = 'boom', name = 'Error'): Error {
  return Object.assign(new Error(message), { code, name });
}

describe('failureOf', () => {
  it.each([
    ['ECONNREFUSED', 1212, 'dial: connection refused'],
    ['ECONNRESET', 1220, 'read: connection reset by peer'],
    ['EPIPE', 1201, 'write: broken pipe'],
    ['UND_ERR_CONNECT_TIMEOUT', 1211, 'dial: i/o timeout'],
    ['ENOTFOUND', 1101, 'lookup: no such host'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 1311, "x509: certificate doesn't match hostname"],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 1310, 'x509: unknown authority'],
    ['EMFILE', 1213, 'dial: too many open files'],
    ['ENFILE', 1213, 'dial: too many open files in system'],
    ['UND_ERR_HEADERS_OVERFLOW', 1000, "response headers too large (over Node's max-http-header-size, 16 KiB by default)"],
  ])('maps %s to k6 code %i', (code, expected, message) => {
    expect(failureOf(err(code))).toEqual({ code: expected, message });
  });

  it.each([
    ['EAI_AGAIN', 1100],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 1300],
    ['UND_ERR_SOCKET', 1000],
    ['HPE_INVALID_CONSTANT', 1000],
    ['SOMETHING_NEW', 1000],
    [undefined, 1000],
  ])('maps %s to k6 code %i keeping the message', (code, expected) => {
    const failure = failureOf(err(code, 'the detail'));
    expect(failure.code).toBe(expected);
    expect(failure.message).toContain('the detail');
  });

  it('recognises undici’s HTTPParserError without a code', () => {
    expect(failureOf(err(undefined, 'Response does not match', 'HTTPParserError'))).toEqual({ code: 1000, message: 'malformed HTTP response: Response does not match' });
  });

  it('does not take inherited object keys for codes', () => {
    expect(failureOf(err('constructor')).code).toBe(1000);
  });

  it('copes with thrown values that are not errors', () => {
    expect(failureOf('just a string')).toEqual({ code: 1000, message: 'just a string' });
  });

  it('gives the request timeout k6’s 1050', () => {
    expect(timeoutFailure()).toEqual({ code: 1050, message: 'request timeout' });
  });
});

describe('statusErrorCode', () => {
  it.each([
    [200, 0],
    [302, 0],
    [399, 0],
    [400, 1400],
    [404, 1404],
    [503, 1503],
  ])('status %i → %i', (status, code) => {
    expect(statusErrorCode(status)).toBe(code);
  });
});
