#!/bin/sh
# Builds the browser UI into web/dist from web/src with esbuild (from npm,
# pinned in package-lock.json): one minified ES module bundle with d3-geo,
# d3-force, topojson-client and the world-atlas boundaries inside, the CSS
# and the page. The output is committed and embedded by package web; CI
# rebuilds it and fails if anything changes. Run from anywhere:
#   sh web/build.sh        (npm ci first when node_modules is missing)
set -eu
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/esbuild ]; then
  npm ci --no-audit --no-fund
fi
rm -rf dist.tmp
mkdir dist.tmp
node_modules/.bin/esbuild src/app.js --bundle --format=esm --minify --target=es2020 \
  --legal-comments=none --charset=utf8 --outfile=dist.tmp/app.js --log-level=warning
node_modules/.bin/esbuild src/style.css --minify --outfile=dist.tmp/app.css --log-level=warning
cp src/index.html dist.tmp/index.html
# The libraries' licences travel with the bundle that contains them.
{
  for p in d3-geo d3-array d3-force d3-dispatch d3-quadtree d3-timer internmap topojson-client world-atlas; do
    echo "== $p $(node -p "require('./node_modules/$p/package.json').version")"
    cat node_modules/$p/LICENSE*
    echo
  done
} > dist.tmp/THIRD_PARTY_LICENSES.txt
rm -rf dist
mv dist.tmp dist
