#!/usr/bin/env bash
# Refreshes the vendored JavaScript from npm at the versions pinned in package-lock.json (run by hand, not by the build):
#   bash src/Harness/Reporting/Web/vendor/update.sh
# then put the new sha256 in VENDORED.md (VendoredScriptTests says which). Nothing is fetched at build or run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund)
cp "$work/node_modules/tablesort/dist/tablesort.min.js" "$here/tablesort.min.js"
cp "$work/node_modules/tablesort/LICENCE" "$here/tablesort.LICENCE"
sha256sum "$here/tablesort.min.js"
