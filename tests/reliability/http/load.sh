#!/usr/bin/env bash
# Load with live updates: wrk at 64 connections on 127.0.0.1 over the benchmark's query mix
# against searchd on the Reuters-21578 index, while live_writer adds and replaces articles in the
# same index and commits every 2.5 s. Passes when no answer is non-2xx, no request fails or times
# out (10 s), searchd neither crashes nor logs an internal error, and its memory at the end is within 10%
# of its memory after a warm-up phase. Prints the figures, and one JSON line at the end.
#
# Usage: tests/reliability/http/load.sh --bin BUILD/bin [--seconds 60] [--warmup 10]
#            [--connections 64] [--data ../shared/data/reuters21578] [--keep DIR] [--prepared DIR]
#        tests/reliability/http/load.sh --bin BUILD/bin --prepare DIR [--data ...]
# --prepare only builds the index and the query mix into DIR; --prepared starts a run from a
# copy of them (CTest builds them beside other tests, and runs the load alone: tests/CMakeLists).
# BUILD/bin holds searchd, indexer, live_writer, make_query_mix and bench_mix_paths.
# Exit status: 0 passed; 1 failed; 2 usage; 77 (CTest's skip) when wrk or the data is missing,
# except under CI=true, where that fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bin="" seconds=60 warmup=10 connections=64 keep="" rss_check=yes prepare="" prepared=""
data=${LIBSEARCH_SHARED_DIR:-$here/../../../../shared}/data/reuters21578
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --prepare) prepare=$2; shift 2 ;;
    --prepared) prepared=$2; shift 2 ;;
    # A short run ends before searchd's caches level off; the RSS figure is still printed.
    --no-rss-check) rss_check=no; shift ;;
    *) echo "usage: $0 --bin BUILD/bin [--seconds N] [--warmup N] [--connections N] [--data DIR] [--keep DIR] [--no-rss-check] [--prepare DIR | --prepared DIR]" >&2; exit 2 ;;
  esac
done
[ -n "$bin" ] || { echo "load.sh: --bin is required" >&2; exit 2; }
missing() {
  echo "load.sh: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "load.sh: skipped" >&2
  exit 77
}
command -v wrk >/dev/null || missing "wrk not found (Debian package wrk)"
compgen -G "$data/reut2-*.sgm" >/dev/null || missing "Reuters-21578 not found at $data"
for program in searchd indexer live_writer make_query_mix bench_mix_paths; do
  [ -x "$bin/$program" ] || { echo "load.sh: $bin/$program is missing (build it)" >&2; exit 1; }
done

# The index and the query mix, as tests/bench/run.sh makes them.
prepare_in() {  # DIR
  local dir=$1 rc=0
  mkdir -p "$dir"
  "$bin/indexer" extract "$data"/reut2-*.sgm >"$dir/reuters.jsonl" 2>"$dir/extract.log" || rc=$?
  ((rc <= 1)) || { echo "load.sh: indexer extract failed ($rc)" >&2; cat "$dir/extract.log" >&2; exit 1; }
  rc=0
  "$bin/indexer" --db "$dir/index" "$dir/reuters.jsonl" >"$dir/indexer.log" 2>&1 || rc=$?
  ((rc <= 1)) || { echo "load.sh: indexer failed ($rc)" >&2; tail "$dir/indexer.log" >&2; exit 1; }
  "$bin/make_query_mix" --in "$dir/reuters.jsonl" --out "$dir/mix.tsv" --count 200 --seed 1 2>"$dir/mix.log"
  "$bin/bench_mix_paths" --mix "$dir/mix.tsv" --style searchd >"$dir/paths.txt"
}
if [ -n "$prepare" ]; then
  rm -rf "$prepare"
  prepare_in "$prepare"
  echo "load.sh: index and query mix ready in $prepare"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/libsearch-load.XXXXXX")
searchd_pid="" writer_pid="" sampler_pid=""
cleanup() {
  for pid in $sampler_pid $writer_pid $searchd_pid; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$work"/*.log "$work"/*.txt "$keep"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
field() { grep -o "\"$1\":[0-9.]*" "$2" | tail -n 1 | cut -d: -f2; }

if [ -n "$prepared" ]; then
  [ -f "$prepared/paths.txt" ] || { echo "load.sh: $prepared holds no prepared run (load.sh --prepare)" >&2; exit 1; }
  cp -a "$prepared/." "$work/"  # the writer changes the index: a copy
else
  prepare_in "$work"
fi

"$bin/searchd" --db "$work/index" --host 127.0.0.1 --port 0 --web "" >"$work/searchd.out" 2>"$work/searchd.log" &
searchd_pid=$!
url=""
for _ in $(seq 100); do
  line=$(head -n 1 "$work/searchd.out" 2>/dev/null || true)
  if [[ "$line" == "listening on http://"* ]]; then url=${line#listening on }; break; fi
  kill -0 "$searchd_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$url" ] || { echo "load.sh: searchd did not start" >&2; cat "$work/searchd.log" >&2; exit 1; }
rss_start=$(rss_kib "$searchd_pid")

run_wrk() {  # DURATION OUT
  wrk -t2 -c"$connections" -d"${1}s" --timeout 10s -s "$here/../../bench/harness/wrk_paths.lua" "$url" \
    -- "$work/paths.txt" >"$2" 2>&1
}

# Warm-up: the mix alone, until every worker has its searcher and caches are full.
run_wrk "$warmup" "$work/warmup.txt"
sleep 1
rss_warm=$(rss_kib "$searchd_pid")

# The measured phase: the mix while the writer commits, RSS sampled every second.
( while kill -0 "$searchd_pid" 2>/dev/null; do echo "$(rss_kib "$searchd_pid")"; sleep 1; done ) >"$work/rss.txt" &
sampler_pid=$!
"$bin/live_writer" --db "$work/index" --records "$work/reuters.jsonl" --seconds "$seconds" --interval-ms 2500 \
  >"$work/writer.log" 2>&1 &
writer_pid=$!
run_wrk "$seconds" "$work/load.txt"
writer_status=0
wait "$writer_pid" || writer_status=$?
writer_pid=""
sleep 1
rss_end=$(rss_kib "$searchd_pid")
rss_max=$(sort -n "$work/rss.txt" | tail -n 1)
kill -TERM "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""

alive=1
kill -0 "$searchd_pid" 2>/dev/null || alive=0
# A last request sees the writer's articles.
get() {  # PATH: the answer (bash's /dev/tcp: no curl needed)
  local hostport=${url#http://}
  exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}"
  printf 'GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' "$1" >&3
  timeout 5 cat <&3 || true
  exec 3<&-
}
live_total=$(get "/api/search?category=Live+updates&exact=1&facets=0&snippets=0&size=1" |
  grep -o '"total":[0-9]*' | cut -d: -f2 || true)
searchd_status=0
kill -TERM "$searchd_pid" 2>/dev/null || true
wait "$searchd_pid" || searchd_status=$?
searchd_pid=""

requests=$(field requests "$work/load.txt") rps=$(field requests_per_s "$work/load.txt")
p50=$(field p50_ms "$work/load.txt") p99=$(field p99_ms "$work/load.txt") max=$(field max_ms "$work/load.txt")
non2xx=$(field non2xx "$work/load.txt") socket_errors=$(field socket_errors "$work/load.txt")
timeouts=$(field timeouts "$work/load.txt") warm_p99=$(field p99_ms "$work/warmup.txt")
commits=$(grep -c '^commit ' "$work/writer.log" || true)
internal=$(grep -c 'internal error' "$work/searchd.log" || true)
growth=$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN { printf "%.1f", a ? (b - a) * 100 / a : 0 }')

echo "load with live updates: $seconds s at $connections connections over $(wc -l <"$work/paths.txt") queries, Reuters-21578"
echo "  requests: ${requests:-?} (${rps:-?}/s), p50 ${p50:-?} ms, p99 ${p99:-?} ms, max ${max:-?} ms (warm-up p99 ${warm_p99:-?} ms)"
echo "  non-2xx: ${non2xx:-?}, socket errors: ${socket_errors:-?}, timeouts: ${timeouts:-?}"
echo "  writer: $commits commits ($(tail -n 1 "$work/writer.log")), exit $writer_status; live articles seen: ${live_total:-?}"
echo "  searchd RSS: start ${rss_start} KiB, after warm-up ${rss_warm} KiB, max ${rss_max} KiB, end ${rss_end} KiB (${growth}% vs warm-up)"
echo "  searchd: alive at the end $alive, exit $searchd_status on SIGTERM, internal errors logged: $internal"
printf '{"seconds":%s,"connections":%s,"requests":%s,"requests_per_s":%s,"p50_ms":%s,"p99_ms":%s,"max_ms":%s,"non2xx":%s,"socket_errors":%s,"timeouts":%s,"commits":%s,"rss_warm_kib":%s,"rss_max_kib":%s,"rss_end_kib":%s,"rss_growth_pct":%s}\n' \
  "$seconds" "$connections" "${requests:-0}" "${rps:-0}" "${p50:-0}" "${p99:-0}" "${max:-0}" "${non2xx:--1}" \
  "${socket_errors:--1}" "${timeouts:--1}" "$commits" "$rss_warm" "$rss_max" "$rss_end" "$growth"

failed=0
check() { if ! eval "$1"; then echo "load.sh: FAILED: $2" >&2; failed=1; fi; }
check '[ -n "$requests" ] && [ "$requests" -gt 0 ]' "wrk made no requests (see its output: $(tail -n 3 "$work/load.txt" | tr '\n' ' '))"
check '[ "${non2xx:-1}" -eq 0 ]' "non-2xx answers: ${non2xx:-?}"
check '[ "${socket_errors:-1}" -eq 0 ] && [ "${timeouts:-1}" -eq 0 ]' "socket errors ${socket_errors:-?}, timeouts ${timeouts:-?}"
check '[ "$alive" -eq 1 ] && [ "$searchd_status" -eq 0 ]' "searchd crashed or did not stop cleanly (exit $searchd_status): $(tail -n 5 "$work/searchd.log" | tr '\n' ' ')"
check '[ "$internal" -eq 0 ]' "searchd logged internal errors"
check '[ "$writer_status" -eq 0 ] && [ "$commits" -ge $((seconds / 3)) ]' "the writer failed or committed too little: $(tail -n 2 "$work/writer.log" | tr '\n' ' ')"
check '[ "${live_total:-0}" -gt 0 ]' "searchd did not show the writer's articles"
[ "$rss_check" = yes ] &&
  check 'awk -v a="$rss_warm" -v b="$rss_end" "BEGIN { exit !(b <= a * 1.10) }"' "RSS grew more than 10% after the warm-up ($rss_warm -> $rss_end KiB)"
exit "$failed"
