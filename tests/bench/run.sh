#!/usr/bin/env bash
# The benchmark suite: libsearch beside raw Xapian, scriptindex and SQLite FTS5
# on Reuters-21578 and larger corpora derived from it.
#
#   tests/bench/run.sh --build DIR [--sizes 21k[,100k,1M]] [--smoke] [--out DIR]
#
# For each size: the article records (21k: `indexer extract` of the .sgm files;
# other sizes: harness' scale_corpus from them), a query mix (make_query_mix),
# indexing by every system (wall time and peak RSS from bench_measure), an
# incremental rerun of indexer, the mix in process, and, at 21k and the largest
# size, HTTP with wrk against searchd and the bare cpp-httplib servers.
# Writes OUT/results.jsonl (one JSON object a line) and OUT/report.md
# (default OUT: DIR/bench). --smoke: the first 2,000 Reuters records, 40
# queries, wrk 1 s at 8 connections: checks in about a minute that it all works.
#
# Data: ${LIBSEARCH_SHARED_DIR:-<repo>/../shared}/data/reuters21578; when it is
# missing, exit 77 (skip), or 1 under CI=true.
# Exit status: 0 all ran and the report is complete, 1 a program failed or is
# missing or a report section is empty, 2 usage, 77 no data.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
command_line="tests/bench/run.sh $*"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

build="" sizes="21k" smoke=0 out=""
while (($#)); do
    case $1 in
        --build) build=${2:?}; shift 2 ;;
        --sizes) sizes=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --smoke) smoke=1; shift ;;
        -h | --help) usage ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
[[ -n $build && -d $build ]] || { echo "run.sh: --build DIR (an existing build tree) is required" >&2; exit 2; }
build=$(cd "$build" && pwd)
bin=$build/bin
out=${out:-$build/bench}

data=${LIBSEARCH_SHARED_DIR:-$repo/../shared}/data/reuters21578
if ! compgen -G "$data/reut2-*.sgm" > /dev/null; then
    if [[ ${CI:-} == true ]]; then
        echo "run.sh: Reuters-21578 is missing ($data/reut2-*.sgm) and CI=true" >&2
        exit 1
    fi
    echo "run.sh: skipped: Reuters-21578 not found at $data (set LIBSEARCH_SHARED_DIR)"
    exit 77
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$out/work
logs=$out/logs
results=$out/results.jsonl
rm -rf "$work" "$logs"
mkdir -p "$work" "$logs"
: > "$results"

note() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------- programs
harness_programs=(indexer searchd scale_corpus make_query_mix bench_query_libsearch bench_mix_paths
                  bench_measure bench_free_port bench_report)
for p in "${harness_programs[@]}"; do
    [[ -x $bin/$p ]] || { echo "run.sh: $bin/$p is missing: build the tree first (cmake --build $build)" >&2; exit 1; }
done

problems=0
# Appends KEY=VALUE fields to the JSON object lines of FILE, into results.jsonl.
record() {
    local file=$1; shift
    [[ -f $file ]] || return 0
    local sets=()
    for kv in "$@"; do sets+=(--set "$kv"); done
    "$bin/bench_report" tag "${sets[@]}" "$file" >> "$results"
}
# One line of its own: record_line KEY=VALUE...
record_line() {
    echo '{}' > "$work/line.json"
    record "$work/line.json" "$@"
}
declare -A available=()
for p in bench_raw_xapian bench_fts5 bench_to_scriptindex bench_http_server; do
    if [[ -x $bin/$p ]]; then available[$p]=1; else
        note "MISSING: $bin/$p (tests/bench/baselines/ not built?)"
        record_line bench=missing "program=$p"
        problems=$((problems + 1))
    fi
done
for tool in scriptindex wrk; do
    if command -v "$tool" > /dev/null; then available[$tool]=1; else
        note "MISSING: $tool (scripts/setup.sh installs it)"
        record_line bench=missing "program=$tool"
        problems=$((problems + 1))
    fi
done
have() { [[ -n ${available[$1]:-} ]]; }

# ---------------------------------------------------------------- servers
servers=()
stop_servers() {
    local pid
    for pid in "${servers[@]}"; do
        if kill -0 "$pid" 2> /dev/null; then
            kill -TERM "$pid" 2> /dev/null || true
            wait "$pid" 2> /dev/null || true
        fi
    done
    servers=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- header
xapian_version=$(pkg-config --modversion xapian-core 2> /dev/null || echo unknown)
sqlite_version=$(pkg-config --modversion sqlite3 2> /dev/null || echo unknown)
httplib_version=$(pkg-config --modversion cpp-httplib 2> /dev/null || echo unknown)
gxx_version=$(g++ --version 2> /dev/null | head -n1 || echo unknown)
wrk_version=$( (wrk -v 2>&1 || true) | head -n1 | cut -d' ' -f1-2)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
ram_gb=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
build_type=$(grep -m1 '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" 2> /dev/null | cut -d= -f2 || true)
record_line bench=header "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" "command=$command_line" "nproc=$(nproc)" \
    "cpu=$cpu" "ram_gb=$ram_gb" "xapian=$xapian_version" "sqlite=$sqlite_version" "httplib=$httplib_version" \
    "gxx=$gxx_version" "wrk=$wrk_version" "build=$build" "build_type=${build_type:-unknown}" \
    "mode=$([[ $smoke == 1 ]] && echo smoke || echo full)"

# ---------------------------------------------------------------- steps
# measure SIZE STEP OK_EXITS CMD...: runs CMD under bench_measure, its stdout in
# logs/SIZE-STEP.out, its stderr in logs/SIZE-STEP.err, the measurement in
# logs/SIZE-STEP.measure. A failure (an exit not in OK_EXITS) is recorded.
# Returns CMD's exit status.
measure() {
    local size=$1 step=$2 ok=$3; shift 3
    local log=$logs/$size-${step//\//-} rc=0
    "$bin/bench_measure" --stdout "$log.out" -- "$@" > "$log.measure" 2> "$log.err" || rc=$?
    if [[ " $ok " != *" $rc "* ]]; then
        note "FAILED ($rc): $step at $size: $*  (see $log.err)"
        tail -n 5 "$log.err" >&2 || true
        record_line bench=failure "size=$size" "step=$step" "exit=$rc"
        problems=$((problems + 1))
    fi
    return "$rc"
}

disk_mb() { du -sk "$1" 2> /dev/null | awk '{ printf "%.3f", $1 / 1024 }'; }

# index_step SIZE SYSTEM PATH OK_EXITS CMD...: one indexing run, recorded with the size of PATH.
index_step() {
    local size=$1 system=$2 path=$3 ok=$4; shift 4
    note "index $size: $system"
    local rc=0
    # The previous run's database is still being written back to disk:
    # without this, that writeback lands in the next system's time.
    sync
    measure "$size" "index-$system" "$ok" "$@" || rc=$?
    local log=$logs/$size-index-$system
    record "$log.measure" bench=index_run "size=$size" "system=$system" "index_mb=$(disk_mb "$path")"
    record "$log.out" "size=$size"  # the program's own lines, if it prints JSON
    return "$rc"
}

# query_step SIZE NAME CMD...: a program that prints its own query result line.
query_step() {
    local size=$1 name=$2; shift 2
    note "query $size: $name"
    local rc=0
    measure "$size" "query-$name" "0 77" "$@" || rc=$?
    if ((rc == 77)); then
        record_line bench=skipped "size=$size" "step=query $name" \
            "reason=$(tail -n1 "$logs/$size-query-$name.err" | sed 's/^[a-z_]*: //')"
    fi
    record "$logs/$size-query-$name.out" "size=$size"
}

# wait_for_port PORT: until something accepts connections there (10 s at most).
wait_for_port() {
    local port=$1
    for _ in $(seq 100); do
        if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

# wait_for_healthz PORT: until searchd answers /healthz with 200 (10 s at most).
wait_for_healthz() {
    local port=$1 reply
    for _ in $(seq 100); do
        reply=$( (exec 3<> "/dev/tcp/127.0.0.1/$port" &&
            printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 &&
            head -n1 <&3) 2> /dev/null || true)
        [[ $reply == *" 200 "* ]] && return 0
        sleep 0.1
    done
    return 1
}

# load_server SIZE SYSTEM PID PORT PATHS: wrk at every connection count, then the server's memory.
load_server() {
    local size=$1 system=$2 pid=$3 port=$4 paths=$5 c
    for c in "${connections[@]}"; do
        note "http $size: $system, $c connections, $duration"
        local log=$logs/$size-http-$system-$c rc=0
        wrk -t"$((c < 2 ? c : 2))" -c"$c" -d"$duration" --timeout 5s -s "$here/harness/wrk_paths.lua" \
            "http://127.0.0.1:$port" -- "$paths" > "$log.out" 2> "$log.err" || rc=$?
        if ((rc != 0)) || ! grep -q '^{"requests"' "$log.out"; then
            note "FAILED ($rc): wrk against $system (see $log.out, $log.err)"
            record_line bench=failure "size=$size" "step=wrk $system c=$c" "exit=$rc"
            problems=$((problems + 1))
            continue
        fi
        grep '^{"requests"' "$log.out" > "$log.json"
        record "$log.json" bench=http "size=$size" "system=$system" "connections=$c"
    done
    local rss hwm
    rss=$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status" 2> /dev/null || echo 0)
    hwm=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status" 2> /dev/null || echo 0)
    record_line bench=server "size=$size" "system=$system" "vmrss_mb=${rss:-0}" "vmhwm_mb=${hwm:-0}"
}

# stop_server PID: SIGTERM, then wait for it.
stop_server() {
    kill -TERM "$1" 2> /dev/null || true
    wait "$1" 2> /dev/null || true
    local kept=() p
    for p in "${servers[@]}"; do [[ $p == "$1" ]] || kept+=("$p"); done
    servers=("${kept[@]}")
}

http_section() {
    local size=$1 w=$2 mix=$3
    have wrk || return 0
    "$bin/bench_mix_paths" --mix "$mix" --style searchd > "$w/paths-searchd.txt"
    "$bin/bench_mix_paths" --mix "$mix" --style raw > "$w/paths-raw.txt"

    # searchd picks its own port (--port 0) and prints it first.
    note "http $size: starting searchd"
    "$bin/searchd" --db "$w/idx-libsearch" --host 127.0.0.1 --port 0 --quiet \
        > "$logs/$size-searchd.out" 2> "$logs/$size-searchd.err" &
    local pid=$! port=""
    servers+=("$pid")
    for _ in $(seq 100); do
        port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$logs/$size-searchd.out" | head -n1)
        [[ -n $port ]] && break
        sleep 0.1
    done
    if [[ -n $port ]] && wait_for_healthz "$port"; then
        load_server "$size" searchd "$pid" "$port" "$w/paths-searchd.txt"
    else
        note "FAILED: searchd did not come up (see $logs/$size-searchd.err)"
        record_line bench=failure "size=$size" "step=start searchd" "exit=1"
        problems=$((problems + 1))
    fi
    stop_server "$pid"

    have bench_http_server || return 0
    local mode system
    for mode in xapian fixed; do
        system=$([[ $mode == xapian ]] && echo raw-xapian-server || echo fixed-server)
        port=$("$bin/bench_free_port")
        note "http $size: starting bench_http_server --mode $mode"
        local args=(--mode "$mode" --port "$port")
        [[ $mode == xapian ]] && args+=(--db "$w/idx-raw")
        "$bin/bench_http_server" "${args[@]}" > "$logs/$size-$system.out" 2> "$logs/$size-$system.err" &
        pid=$!
        servers+=("$pid")
        if wait_for_port "$port" && kill -0 "$pid" 2> /dev/null; then
            load_server "$size" "$system" "$pid" "$port" "$w/paths-raw.txt"
        else
            note "FAILED: bench_http_server --mode $mode did not come up (see $logs/$size-$system.err)"
            record_line bench=failure "size=$size" "step=start $system" "exit=1"
            problems=$((problems + 1))
        fi
        stop_server "$pid"
    done
}

# ---------------------------------------------------------------- corpora
all_sgm=("$data"/reut2-*.sgm)
if [[ $smoke == 1 ]]; then
    size_list=(2k)
    base_sgm=("$data/reut2-000.sgm" "$data/reut2-001.sgm")
    mix_count=40
    connections=(8)
    duration=1s
else
    IFS=',' read -r -a size_list <<< "$sizes"
    base_sgm=("${all_sgm[@]}")
    mix_count=200
    connections=(1 8 32 64)
    duration=10s
fi
note "records: indexer extract of ${#base_sgm[@]} .sgm files"
# indexer exits 1 when it skipped something (Reuters has one unreadable date).
rc=0
"$bin/indexer" extract "${base_sgm[@]}" > "$work/reuters.jsonl" 2> "$logs/extract.err" || rc=$?
if ((rc > 1)) || [[ ! -s $work/reuters.jsonl ]]; then
    echo "run.sh: indexer extract failed ($rc), see $logs/extract.err" >&2
    exit 1
fi

# The real corpus is "21k" (or the smoke run's "2k"); any other size is that
# many articles written by scale_corpus: 100k, 1M, 2500.
is_real() { [[ $1 == 21k || $smoke == 1 ]]; }
count_of() {
    local s=$1
    if [[ $smoke == 1 ]]; then echo 2000; return; fi
    case $s in
        21k) echo 21578 ;;
        [0-9]*[kK]) echo $((${s%[kK]} * 1000)) ;;
        [0-9]*[mM]) echo $((${s%[mM]} * 1000000)) ;;
        *) echo "$s" ;;
    esac
}
largest="" largest_count=0
for size in "${size_list[@]}"; do
    if ! [[ $size =~ ^[0-9]+[kKmM]?$ ]]; then echo "run.sh: bad size '$size' (e.g. 21k, 100k, 1M)" >&2; exit 2; fi
    n=$(count_of "$size")
    if ((n > largest_count)); then largest=$size largest_count=$n; fi
done

# ---------------------------------------------------------------- per size
for size in "${size_list[@]}"; do
    w=$work/$size
    mkdir -p "$w"
    if is_real "$size"; then
        records=("$work/reuters.jsonl")
        indexer_inputs=("${base_sgm[@]}")
        source="Reuters-21578, $(basename "${base_sgm[0]}")..$(basename "${base_sgm[-1]}") (indexer reads the .sgm)"
    else
        n=$(count_of "$size")
        note "corpus $size: scale_corpus --count $n"
        "$bin/scale_corpus" --in "$work/reuters.jsonl" --count "$n" --out "$w/parts" --seed 1 2> "$logs/$size-scale.err" ||
            { echo "run.sh: scale_corpus failed, see $logs/$size-scale.err" >&2; exit 1; }
        records=("$w"/parts/part-*.jsonl)
        indexer_inputs=("${records[@]}")
        source="scale_corpus --count $n --seed 1 from the Reuters records (${#records[@]} JSON Lines files)"
    fi
    # The mix is drawn from the first records file (all of 21k; 10,000 scaled articles).
    mix_in=("${records[0]}")
    "$bin/bench_report" corpus --set "size=$size" --set "source=$source" \
        --set "mix=$mix_count queries from $(basename "${mix_in[0]}"), seed 1" "${records[@]}" >> "$results"
    "$bin/make_query_mix" --in "${mix_in[@]}" --out "$w/mix.tsv" --count "$mix_count" --seed 1 2> "$logs/$size-mix.err" ||
        { echo "run.sh: make_query_mix failed, see $logs/$size-mix.err" >&2; exit 1; }

    # Indexing. Every run starts from an empty index.
    # Up to 100k, indexer and the raw Xapian loop run three times, taking
    # turns, and the ratio uses the medians: single runs of a few seconds
    # swing by a third on a shared machine.
    reps=1
    if [[ $smoke == 0 ]] && (($(count_of "$size") <= 100000)); then reps=3; fi
    rm -rf "$w/idx-libsearch" "$w/idx-raw" "$w/idx-scriptindex" "$w/fts5.sqlite"
    for ((rep = 1; rep <= reps; rep++)); do
        rm -rf "$w/idx-libsearch"
        index_step "$size" indexer "$w/idx-libsearch" "0 1" "$bin/indexer" --db "$w/idx-libsearch" "${indexer_inputs[@]}" || true
        if have bench_raw_xapian; then
            index_step "$size" raw-xapian "$w/idx-raw" 0 "$bin/bench_raw_xapian" index --db "$w/idx-raw" "${records[@]}" || true
        fi
    done
    index_step "$size" indexer-rerun "$w/idx-libsearch" "0 1" "$bin/indexer" --db "$w/idx-libsearch" "${indexer_inputs[@]}" || true
    if have bench_to_scriptindex && have scriptindex; then
        note "index $size: scriptindex-convert"
        measure "$size" index-scriptindex-convert 0 "$bin/bench_to_scriptindex" "${records[@]}" || true
        mv "$logs/$size-index-scriptindex-convert.out" "$w/scriptindex.txt" 2> /dev/null || true
        record "$logs/$size-index-scriptindex-convert.measure" bench=index_run "size=$size" system=scriptindex-convert
        index_step "$size" scriptindex "$w/idx-scriptindex" 0 scriptindex --overwrite "$w/idx-scriptindex" \
            "$here/baselines/scriptindex/reuters.index" "$w/scriptindex.txt" || true
        rm -f "$w/scriptindex.txt"
    fi
    if have bench_fts5; then
        index_step "$size" sqlite-fts5 "$w/fts5.sqlite" 0 "$bin/bench_fts5" index --db "$w/fts5.sqlite" "${records[@]}" || true
    fi

    # Queries in process: one untimed pass, then $passes timed ones.
    passes=5
    [[ $smoke == 1 ]] && passes=1
    timing=(--warmup 1 --repeat "$passes")
    query_step "$size" libsearch-snippets "$bin/bench_query_libsearch" --db "$w/idx-libsearch" --mix "$w/mix.tsv" "${timing[@]}"
    query_step "$size" libsearch-no-snippets "$bin/bench_query_libsearch" --db "$w/idx-libsearch" --mix "$w/mix.tsv" --snippets off "${timing[@]}"
    query_step "$size" libsearch-exact-facets "$bin/bench_query_libsearch" --db "$w/idx-libsearch" --mix "$w/mix.tsv" --exact-facets "${timing[@]}"
    if have bench_raw_xapian; then
        for s in default exhaustive none; do
            query_step "$size" "raw-xapian-$s" "$bin/bench_raw_xapian" query --db "$w/idx-raw" --mix "$w/mix.tsv" --snippets "$s" "${timing[@]}"
        done
    fi
    if have bench_fts5; then
        query_step "$size" sqlite-fts5 "$bin/bench_fts5" query --db "$w/fts5.sqlite" --mix "$w/mix.tsv" "${timing[@]}"
    fi

    # HTTP at 21k and at the largest size.
    if [[ $size == 21k || $size == "$largest" ]]; then http_section "$size" "$w" "$w/mix.tsv"; fi
done

# ---------------------------------------------------------------- report
check_rc=0
"$bin/bench_report" render --results "$results" --check > "$out/report.md" 2> "$logs/report.err" || check_rc=$?
cat "$logs/report.err" >&2
note "results: $results"
note "report:  $out/report.md"
if ((problems > 0 || check_rc != 0)); then
    note "INCOMPLETE: $problems failed or missing program(s); see the Problems section of the report"
    exit 1
fi
