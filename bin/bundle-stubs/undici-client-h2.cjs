// Stands in for undici's lib/dispatcher/client-h2.js in volley's bundles (bin/build-bundles.mjs).
// undici's Client uses it only after TLS negotiated h2, which needs `allowH2`, and volley never
// sets it: HTTP/2 is not a volley protocol. The real module loads node:http2 when it loads, and
// with it tls and crypto: ≈ 70 built-in modules in every thread that loads undici.
module.exports = function connectH2() {
  throw new Error('volley does not bundle undici\'s HTTP/2 client (no allowH2)');
};
