// undici's own files that src/clients/http/undici-parts.ts loads directly; it gives them undici's public types.
declare module 'undici/lib/dispatcher/client.js' {
  const Client: unknown;
  export default Client;
}
declare module 'undici/lib/core/connect.js' {
  const buildConnector: unknown;
  export default buildConnector;
}
