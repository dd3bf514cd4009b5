#!/usr/bin/env bash
# The search page over an index of XSS payloads: index xss_articles.jsonl, start searchd on a free
# port of 127.0.0.1 with the real web/, run xss_page.mjs in Debian's Chromium (the browser tests'
# support: tests/browser/support/browser.mjs and its playwright-core), stop searchd.
#
# Usage: bash tests/reliability/http/xss_page.sh SEARCHD INDEXER
# Exit status: 0 passed; 1 failed; 77 (CTest's skip) when Chromium or Node.js is missing, except
# under CI=true, where that fails.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 SEARCHD INDEXER" >&2
  exit 2
fi
searchd=$(realpath "$1")
indexer=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
browser_dir=$(cd "$here/../../browser" && pwd)
web=$(cd "$here/../../../web" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

missing() {
  echo "xss page test: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "xss page test: skipped" >&2
  exit 77
}
command -v node >/dev/null || missing "node not found (Node.js 20 or newer is needed)"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || missing "Node.js 20 or newer is needed"
[ -x "$chromium" ] || missing "$chromium not found (Debian package chromium)"
if [ ! -f "$browser_dir/node_modules/playwright-core/package.json" ]; then
  command -v npm >/dev/null || missing "npm not found"
  (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/libsearch-xss.XXXXXX")
mkdir "$work/tmp"
searchd_pid=""
cleanup() {
  if [ -n "$searchd_pid" ]; then
    kill -TERM "$searchd_pid" 2>/dev/null || true
    wait "$searchd_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$indexer" --db "$work/index" "$here/xss_articles.jsonl" >"$work/indexer.log" 2>&1 ||
  { echo "xss page test: the indexer failed:" >&2; cat "$work/indexer.log" >&2; exit 1; }

"$searchd" --db "$work/index" --host 127.0.0.1 --port 0 --web "$web" --quiet >"$work/searchd.out" 2>"$work/searchd.err" &
searchd_pid=$!
url=""
for _ in $(seq 100); do
  line=$(head -n 1 "$work/searchd.out" 2>/dev/null || true)
  if [[ "$line" == "listening on http://"* ]]; then url=${line#listening on }; break; fi
  kill -0 "$searchd_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] || { echo "xss page test: searchd did not start:" >&2; cat "$work/searchd.err" >&2; exit 1; }

cd "$here"
SEARCHD_URL="$url" CHROMIUM="$chromium" TMPDIR="$work/tmp" \
  timeout -k 10 600 node --test --test-concurrency=1 --test-timeout=240000 ./xss_page.mjs
