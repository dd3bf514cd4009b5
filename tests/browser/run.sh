#!/usr/bin/env bash
# Browser tests of the search page (web/): index a small fixture, start searchd on a free port of
# 127.0.0.1, run tests/browser/*.test.mjs with node's test runner in Debian's Chromium, stop searchd.
#
# Usage: bash tests/browser/run.sh SEARCHD INDEXER SCREENSHOT_DIR
#
# Exit status: 0 all passed; 1 a test failed or setup broke; 77 (CTest's skip) when Chromium or
# Node.js is missing, except under CI=true, where that fails too.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SEARCHD INDEXER SCREENSHOT_DIR" >&2
  exit 2
fi
searchd=$(realpath "$1")
indexer=$(realpath "$2")
mkdir -p "$3"
screenshots=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
web=$(cd "$here/../../web" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

missing() {
  echo "browser tests: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "browser tests: skipped" >&2
  exit 77
}
command -v node >/dev/null || missing "node not found (Node.js 20 or newer is needed)"
command -v npm >/dev/null || missing "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || missing "Node.js $(node --version) is too old; 20 or newer is needed"
[ -x "$chromium" ] || missing "$chromium not found (Debian package chromium)"

# playwright-core, at the version package-lock.json pins.
wanted=$(node -p 'require(process.argv[1]).packages["node_modules/playwright-core"].version' "$here/package-lock.json")
have=$(node -p 'try { require(process.argv[1]).version } catch { "" }' "$here/node_modules/playwright-core/package.json")
if [ "$wanted" != "$have" ]; then
  echo "browser tests: npm ci (playwright-core $wanted)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/libsearch-browser.XXXXXX")
mkdir "$work/tmp"
searchd_pid=""
tests_pid=""
stop_searchd() {
  if [ -n "$searchd_pid" ] && kill -0 "$searchd_pid" 2>/dev/null; then
    kill -TERM "$searchd_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$searchd_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$searchd_pid" 2>/dev/null || true
    wait "$searchd_pid" 2>/dev/null || true
  fi
  searchd_pid=""
}
cleanup() {
  if [ -n "$tests_pid" ]; then
    # The test runner, its workers and their Chromium: one process group of their own.
    kill -TERM -- "-$tests_pid" 2>/dev/null || true
    wait "$tests_pid" 2>/dev/null || true
  fi
  stop_searchd
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The fixture index.
if ! "$indexer" --db "$work/index" "$here/fixtures/articles.jsonl" >"$work/indexer.log" 2>&1; then
  echo "browser tests: the indexer failed:" >&2
  cat "$work/indexer.log" >&2
  exit 1
fi

# searchd on a free port; its first line on stdout is "listening on http://HOST:PORT".
"$searchd" --db "$work/index" --host 127.0.0.1 --port 0 --web "$web" >"$work/searchd.out" 2>"$work/searchd.err" &
searchd_pid=$!
url=""
for _ in $(seq 100); do
  line=$(head -n 1 "$work/searchd.out" 2>/dev/null || true)
  if [[ "$line" == "listening on http://"* ]]; then
    url=${line#listening on }
    break
  fi
  if ! kill -0 "$searchd_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "browser tests: searchd did not start:" >&2
  cat "$work/searchd.out" "$work/searchd.err" >&2
  exit 1
fi
echo "browser tests: searchd at $url, screenshots in $screenshots"

# The tests, one file at a time (each starts its own Chromium), each test at most 60 s, all at most
# 10 minutes. Chromium's profiles go to $work/tmp, removed with the rest.
cd "$here"
SEARCHD_URL="$url" SCREENSHOT_DIR="$screenshots" CHROMIUM="$chromium" TMPDIR="$work/tmp" \
  setsid -w timeout -k 10 600 node --test --test-concurrency=1 --test-timeout=60000 ./*.test.mjs &
tests_pid=$!
status=0
wait "$tests_pid" || status=$?
tests_pid=""

if [ "$status" -ne 0 ]; then
  echo "browser tests: failed (status $status); searchd's last log lines:" >&2
  tail -n 30 "$work/searchd.err" >&2 || true
  exit 1
fi
