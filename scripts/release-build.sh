#!/usr/bin/env bash
# The release build the deploy workflow ships: crate (release, wasm-opt aggressive), the harness
# built for production, then release/: site/ (what the CDN serves, with build-info.json),
# tarballs of the site and of the wasm-pack package, SHA256SUMS and release notes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LEVEL="${WASM_OPT_LEVEL:-aggressive}"

bash build/build-wasm.sh release bundler
bash build/optimize-wasm.sh "$LEVEL"
node_modules/.bin/vite build --config harness/vite.config.ts --logLevel warn

version="$(node -p 'require("./crate/pkg/package.json").version')"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
rm -rf release.tmp && mkdir -p release.tmp/site
cp -R harness/dist/. release.tmp/site/
cp crate/pkg/build-info.json release.tmp/site/build-info.json
tar -C release.tmp/site -czf "release.tmp/wasm-compat-site-$version.tar.gz" .
tar -C crate/pkg --exclude='*.orig' -czf "release.tmp/wasm-compat-pkg-$version.tar.gz" .
(cd release.tmp && sha256sum ./*.tar.gz >SHA256SUMS && cd site && find . -type f ! -name '*.gz' ! -name '*.br' -print0 | sort -z | xargs -0 sha256sum >>../SHA256SUMS)
{
  echo "wasm-compat $version ($commit)"
  echo
  echo "- wasm-opt level: $LEVEL"
  node -e 'const i=require("./crate/pkg/build-info.json");for(const w of i.wasm)console.log(`- ${w.file}: ${w.bytes} B, gzip ${w.gzip} B, brotli ${w.brotli} B, sha256 ${w.sha256}`)'
  echo
  echo 'Verify a download with `sha256sum -c SHA256SUMS`.'
} >release.tmp/RELEASE_NOTES.md
# Replace the previous release folder only once the new one is complete.
rm -rf release && mv release.tmp release
echo "release-build: $(ls release | tr '\n' ' ')"
