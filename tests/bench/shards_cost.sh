#!/usr/bin/env bash
# The cost of shards: the same query mix through libsearch::Searcher on one
# database, on 3 local shards (indexer --shards 3), and on the same 3 shards
# each behind its own xapian-tcpsrv on 127.0.0.1 (a stub of remote lines),
# in process, one thread (bench_query_libsearch). Results: tests/bench/RESULTS.md.
#
#   tests/bench/shards_cost.sh BUILD_DIR [FILES...]
#
# FILES default to all of Reuters-21578 in ../shared/data. Every server it
# starts is stopped on exit.
set -euo pipefail

build=$(cd "${1:?usage: shards_cost.sh BUILD_DIR [FILES...]}" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- "$here"/../../../shared/data/reuters21578/reut2-*.sgm; fi
bin=$build/bin
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Exit status 1 (a record skipped) is fine here.
"$bin/indexer" --db "$work/single" "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
"$bin/indexer" --db "$work/sharded" --shards 3 "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
"$bin/indexer" extract "$@" > "$work/articles.jsonl" 2>/dev/null || true
"$bin/make_query_mix" --in "$work/articles.jsonl" --out "$work/mix.tsv" --count 200 > /dev/null

: > "$work/remote.stub"
for i in 0 1 2; do
  for attempt in 1 2 3 4 5; do
    port=$("$bin/bench_free_port")
    xapian-tcpsrv --port "$port" --interface 127.0.0.1 --quiet "$work/sharded/shard-$i" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
      sleep 0.05
    done
    if kill -0 "$pid" 2>/dev/null; then pids+=("$pid"); break; fi
  done
  echo "remote 127.0.0.1:$port" >> "$work/remote.stub"
done

for layout in single sharded remote.stub; do
  for exact in "" --exact-facets; do
    printf '%s %s\t' "$layout" "${exact:-sampled-facets}"
    "$bin/bench_query_libsearch" --db "$work/$layout" --mix "$work/mix.tsv" --warmup 1 --repeat 3 $exact
  done
done
