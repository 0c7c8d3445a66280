/**
 * Network failures as k6 reports them: a numeric code (also the `error_code` tag) and a short
 * message. The numbers are k6's (lib/netext/httpext/error_codes.go) so thresholds and dashboards
 * written for k6 (`http_req_failed{error_code:1212}`) carry over.
 */

/** k6's error codes that Node's and undici's errors map onto. */
export const ErrorCode = {
  generic: 1000,
  requestTimeout: 1050,
  dns: 1100,
  dnsNoSuchHost: 1101,
  tcp: 1200,
  brokenPipe: 1201,
  dial: 1210,
  dialTimeout: 1211,
  dialRefused: 1212,
  dialUnknownErrno: 1213,
  resetByPeer: 1220,
  tls: 1300,
  tlsUnknownAuthority: 1310,
  tlsHostname: 1311,
} as const;

/** A failure's code and message, as a Response carries them. */
export interface NetworkFailure {
  readonly code: number;
  readonly message: string;
}

const TIMEOUT: NetworkFailure = { code: ErrorCode.requestTimeout, message: 'request timeout' };

/** The failure recorded when the request's own deadline passes. */
export function timeoutFailure(): NetworkFailure {
  return TIMEOUT;
}

/** k6's code for a response with this status: 1000 + status for 4xx/5xx, 0 otherwise. */
export function statusErrorCode(status: number): number {
  return status >= 400 ? 1000 + status : 0;
}

const BY_CODE: ReadonlyMap<string, NetworkFailure> = new Map(Object.entries({
  ECONNREFUSED: { code: ErrorCode.dialRefused, message: 'dial: connection refused' },
  ECONNRESET: { code: ErrorCode.resetByPeer, message: 'read: connection reset by peer' },
  EPIPE: { code: ErrorCode.brokenPipe, message: 'write: broken pipe' },
  ETIMEDOUT: { code: ErrorCode.dialTimeout, message: 'dial: i/o timeout' },
  UND_ERR_CONNECT_TIMEOUT: { code: ErrorCode.dialTimeout, message: 'dial: i/o timeout' },
  ENOTFOUND: { code: ErrorCode.dnsNoSuchHost, message: 'lookup: no such host' },
  EHOSTUNREACH: { code: ErrorCode.dialUnknownErrno, message: 'dial: no route to host' },
  ENETUNREACH: { code: ErrorCode.dialUnknownErrno, message: 'dial: network is unreachable' },
  EADDRNOTAVAIL: { code: ErrorCode.dialUnknownErrno, message: 'dial: cannot assign requested address' },
  // No descriptor for the socket: k6 reports Go's dial errno the same way (worker/fd-exhaustion.ts warns once).
  EMFILE: { code: ErrorCode.dialUnknownErrno, message: 'dial: too many open files' },
  ENFILE: { code: ErrorCode.dialUnknownErrno, message: 'dial: too many open files in system' },
  // undici's limit is Node's --max-http-header-size; Go's (so k6's) is 10 MiB.
  UND_ERR_HEADERS_OVERFLOW: { code: ErrorCode.generic, message: "response headers too large (over Node's max-http-header-size, 16 KiB by default)" },
  ERR_TLS_CERT_ALTNAME_INVALID: { code: ErrorCode.tlsHostname, message: "x509: certificate doesn't match hostname" },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { code: ErrorCode.tlsUnknownAuthority, message: 'x509: unknown authority' },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { code: ErrorCode.tlsUnknownAuthority, message: 'x509: unknown authority' },
  DEPTH_ZERO_SELF_SIGNED_CERT: { code: ErrorCode.tlsUnknownAuthority, message: 'x509: unknown authority' },
  SELF_SIGNED_CERT_IN_CHAIN: { code: ErrorCode.tlsUnknownAuthority, message: 'x509: unknown authority' },
}));

/** Maps whatever undici or Node reported to k6's code and message. */
export function failureOf(err: unknown): NetworkFailure {
  const code = errorProperty(err, 'code');
  const known = code === undefined ? undefined : BY_CODE.get(code);
  if (known) return known;
  const message = errorProperty(err, 'message') ?? String(err);
  if (code === 'EAI_AGAIN' || code === 'EAI_FAIL') return { code: ErrorCode.dns, message: `lookup: ${message}` };
  // undici's HTTPParserError often has no code (llhttp's numeric error is not mapped back to a name).
  if (code?.startsWith('HPE_') || errorProperty(err, 'name') === 'HTTPParserError') return { code: ErrorCode.generic, message: `malformed HTTP response: ${message}` };
  if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_') || code?.startsWith('CERT_')) return { code: ErrorCode.tls, message: `tls: ${message}` };
  if (code === 'UND_ERR_SOCKET') return { code: ErrorCode.generic, message: `unexpected EOF: ${message}` };
  return { code: ErrorCode.generic, message };
}

function errorProperty(err: unknown, key: 'code' | 'message' | 'name'): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const value = (err as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
