/**
 * Where this installation's files are, for the few places that load a file of volley's own at run
 * time (worker entry points, package.json, the scenario API, the quickstart). They are all derived
 * here, from this module's own URL, because this module sits one level below the package root in
 * every layout it runs in: src/ (tests), dist/ (tsc's output) and dist/'s bundles (bin/build-bundles.mjs
 * writes every bundle and chunk directly into dist/). A `new URL('../x', import.meta.url)` anywhere
 * else would point somewhere different once bundled.
 */

/** The package root (where package.json is), as a directory URL. */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** dist/: tsc's output and the bundles. */
export const DIST_URL = new URL('dist/', PACKAGE_ROOT);

/** A file of dist/, as a URL. */
export function distFile(path: string): URL {
  return new URL(path, DIST_URL);
}
