// The one WebAssembly API volley uses (src/clients/http/parser-precompile.ts): TypeScript's ES libs and
// @types/node 20 leave it out.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
}
