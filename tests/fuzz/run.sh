#!/usr/bin/env bash
# shellcheck disable=SC2317,SC2094  # seeds_* are called as "seeds_$target"; named reads one file, writes another
# The libFuzzer targets (tests/fuzz/README.md): build them, then fuzz.
#
#   tests/fuzz/run.sh --smoke [SECONDS]   each target SECONDS (default 10): what CI runs
#   tests/fuzz/run.sh --runs N            each target N executions, with a report per target
#   tests/fuzz/run.sh --build-only        configure and build, nothing else
#   tests/fuzz/run.sh --ledger            executions so far per target, summed over --runs runs
# Options:
#   --target NAME[,NAME]   only these targets (text_page html jsonl warc news_sgml dates
#                          read_input query searchd_params synonyms)
#   --max-time SECONDS     with --runs: stop each target after this long at most
#   --max-len BYTES        with --runs: inputs up to this size instead of the target's default
#                          (smaller inputs run faster; the corpus keeps its longer files)
#   --build DIR            the build tree (default <repo>/build-fuzz)
#
# The build: clang (FUZZ_CXX, else clang++ or clang++-14..18), -DLIBSEARCH_FUZZ=ON
# -DLIBSEARCH_BUILD_TESTS=OFF; extra configure arguments in FUZZ_CMAKE_ARGS.
# Every file of regressions/<target>/ is run once before the target fuzzes.
# Seeds are made afresh in DIR/seeds/<target>/ from corpus/ and
# ${LIBSEARCH_SHARED_DIR:-<repo>/../shared}/data (whatever of it exists);
# --runs keeps what it finds in DIR/corpus/<target>/ for the next run, --smoke
# starts from the seeds each time. Findings (crash, leak, timeout, out of
# memory) are written to DIR/artifacts/<target>/, logs to DIR/logs/. Each --runs
# run of a target adds a line to tests/fuzz/ledger.tsv (time, target,
# executions, seconds, max_len, result, commit), which --ledger sums: a campaign
# of 10 million executions may take several runs, each going on from the last
# corpus. The ledger is committed, so the count outlives the build tree and the
# machine; a "carried" line stands for runs recorded before it was, and a
# "restart" line sets a target's count back to zero after a fix (see the
# ledger's comments).
# A run stopped with SIGINT (libFuzzer's exit 72, no finding) is "interrupted"
# and its executions count; the target's next run goes on from its corpus.
#
# Exit status: 0 no finding, 1 a finding or a build failure, 2 usage,
# 77 clang or libFuzzer missing (1 under CI=true).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
all_targets=(text_page html jsonl warc news_sgml dates read_input query searchd_params synonyms)

usage() {
    sed -n '3,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

mode="" seconds=10 runs=0 max_time=0 max_len_override=0 build="$repo/build-fuzz" targets=("${all_targets[@]}")
while (($#)); do
    case $1 in
        --smoke)
            mode=smoke
            if [[ ${2:-} =~ ^[0-9]+$ ]]; then seconds=$2; shift; fi
            shift ;;
        --runs) mode=runs; runs=${2:?--runs N}; shift 2 ;;
        --build-only) mode=build; shift ;;
        --ledger) mode=ledger; shift ;;
        --max-len) max_len_override=${2:?--max-len BYTES}; shift 2 ;;
        --max-time) max_time=${2:?--max-time SECONDS}; shift 2 ;;
        --target) IFS=, read -r -a targets <<< "${2:?--target NAME}"; shift 2 ;;
        --build) build=${2:?--build DIR}; shift 2 ;;
        -h | --help) usage ;;
        *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
    esac
done
[[ -n $mode ]] || usage
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "run.sh: no target '$t' (${all_targets[*]})" >&2; exit 2; }
done

ledger=$here/ledger.tsv
if [[ $mode == ledger ]]; then
    [[ -f $ledger ]] || { echo "run.sh: no ledger at $ledger (no --runs run yet)"; exit 0; }
    printf '%-15s %14s %6s %10s %9s  %s\n' target executions runs hours findings first..last
    awk -F'\t' '
        /^#/ { next }
        $6 == "restart" { n[$2] = 0; runs[$2] = 0; secs[$2] = 0; bad[$2] = 0; first[$2] = substr($1, 1, 10); next }
        { n[$2] += $3; runs[$2]++; secs[$2] += $4; if ($6 != "ok" && $6 != "interrupted" && $6 != "carried") bad[$2]++
          if (!($2 in first)) first[$2] = substr($1, 1, 10); last[$2] = substr($1, 1, 10) }
        END { for (t in n) printf "%-15s %14d %6d %10.2f %9d  %s..%s\n", t, n[t], runs[t], secs[t] / 3600, bad[t], first[t], last[t] }
    ' "$ledger" | sort
    exit 0
fi

missing() {
    if [[ ${CI:-} == true ]]; then
        echo "run.sh: $1, and CI=true" >&2
        exit 1
    fi
    echo "run.sh: skipped: $1"
    exit 77
}

# --- clang and libFuzzer -----------------------------------------------------
cxx=${FUZZ_CXX:-}
if [[ -z $cxx ]]; then
    for candidate in clang++ clang++-14 clang++-15 clang++-16 clang++-17 clang++-18; do
        if command -v "$candidate" > /dev/null; then cxx=$(command -v "$candidate"); break; fi
    done
fi
[[ -n $cxx ]] || missing "clang++ not found (install clang and libclang-rt-dev, or set FUZZ_CXX)"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
    'extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }' > "$probe/probe.cpp"
"$cxx" -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" 2> "$probe/err" ||
    missing "$cxx cannot link libFuzzer (libclang-rt-dev missing?): $(head -c 300 "$probe/err")"

# --- build -------------------------------------------------------------------
mkdir -p "$build"
build=$(cd "$build" && pwd)
echo "== configuring and building $build with $cxx"
# shellcheck disable=SC2086  # FUZZ_CMAKE_ARGS is a list of arguments
cmake -S "$repo" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DLIBSEARCH_FUZZ=ON -DLIBSEARCH_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo ${FUZZ_CMAKE_ARGS:-} > "$build/configure.log" ||
    { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target "${targets[@]/#/fuzz_}" -j "$(nproc)" > "$build/build.log" 2>&1 ||
    { tail -n 60 "$build/build.log"; exit 1; }
[[ $mode == build ]] && { echo "built: $build/fuzz/"; exit 0; }

# --- seeds -------------------------------------------------------------------
data=${LIBSEARCH_SHARED_DIR:-$repo/../shared}/data
corpus=$repo/corpus

max_len() {
    case $1 in
        dates) echo 256 ;;
        query) echo 1024 ;;
        synonyms) echo 4096 ;;
        searchd_params) echo 8192 ;;  # past the 4096 bytes of q searchd accepts
        text_page | jsonl | news_sgml) echo 65536 ;;
        html) echo 131072 ;;
        warc | read_input) echo 262144 ;;
    esac
}

# Files of data/ that exist (none when the shared data is absent).
existing() { local f; for f in "$@"; do [[ -e $f ]] && printf '%s\n' "$f"; done; return 0; }

# Each line of stdin as its own file DIR/PREFIX-N.
lines_to_files() { awk -v out="$1" '{ print > (out "-" NR); close(out "-" NR) }'; }

seeds_text_page() {
    cp "$corpus"/pages/*.txt "$corpus"/generators/warc-src/*.txt "$1"/
    existing "$data"/../seed/*.txt | while read -r f; do cp "$f" "$1/"; done
    existing "$data"/20news/mini_newsgroups/*/ | head -n 4 | while read -r group; do
        find "$group" -type f | sort | head -n 3 | while read -r f; do cp "$f" "$1/20news-$(basename "$group")-$(basename "$f")"; done
    done
}

seeds_html() {
    local len n=0 f
    len=$(max_len html)
    cp "$corpus"/html/*.html "$corpus"/generators/warc-src/*.html "$1"/
    for f in "$corpus"/html/*.html; do
        { printf 'https://news.example.com/2013/02/15/%s\n' "$(basename "$f")"; cat "$f"; } > "$1/url-$(basename "$f")"
    done
    existing "$data"/readability-test-pages/pages/*/source.html | while read -r f; do
        head -c "$len" "$f" > "$1/readability-$(basename "$(dirname "$f")").html"
    done
    existing "$data"/article-extraction-benchmark/html/*.html.gz | while read -r f; do
        n=$((n + 1))
        gzip -dc "$f" | head -c "$len" > "$1/aeb-$n.html" || true
    done
}

seeds_jsonl() {
    cp "$corpus"/feeds/*.jsonl "$1"/
    lines_to_files "$1/articles" < "$corpus/feeds/articles.jsonl"
    lines_to_files "$1/crawl" < "$corpus/feeds/crawl.jsonl"
    if [[ -f $data/scifact/corpus.jsonl ]]; then
        head -n 40 "$data/scifact/corpus.jsonl" | lines_to_files "$1/scifact"
        sed -n '41,140p' "$data/scifact/corpus.jsonl" | split -l 20 - "$1/scifact-chunk-"
        head -n 20 "$data/scifact/queries.jsonl" | lines_to_files "$1/scifact-query"
    fi
}

warc_plain() { gzip -dc "$corpus/warc/sample.warc.gz"; }

seeds_warc() {
    cp "$corpus/warc/sample.warc.gz" "$1/"
    warc_plain > "$1/sample.warc"
    { printf '\001'; warc_plain; } > "$1/gzip-per-record.warc"
    { printf '\002'; warc_plain; } > "$1/gzip-whole.warc"
    # The other compressions a web archive may come in.
    if command -v bzip2 > /dev/null; then warc_plain | bzip2 -c > "$1/sample.warc.bz2"; fi
    if command -v xz > /dev/null; then warc_plain | xz -c > "$1/sample.warc.xz"; fi
    if command -v zstd > /dev/null; then warc_plain | zstd -q -c > "$1/sample.warc.zst"; fi
    warc_plain | awk -v out="$1/record" '/^WARC\/1\.[01]\r?$/ { n++ } n { printf "%s\n", $0 > (out "-" n) }'
}

# Reuters stories, one a file, from two of the .sgm files.
seeds_news_sgml() {
    local f
    existing "$data"/reuters21578/reut2-000.sgm "$data"/reuters21578/reut2-013.sgm | while read -r f; do
        awk -v out="$1/$(basename "$f" .sgm)" -v max=60 \
            '/^<REUTERS/ { n++ } n && n <= max { print > (out "-" n ".sgm") }' "$f"
        head -c 12000 "$f" > "$1/$(basename "$f" .sgm)-head.sgm"
    done
    return 0
}

seeds_dates() {
    local i=0 d
    for d in "2013-02-15" "2013-02-15T10:00:00+03:30" "20130215" "Fri, 15 Feb 2013 10:00:00 +0000" \
        "26-FEB-1987 15:01:01.79" "May 5, 2013" "5 May 2013" "Friday, 15 February 2013" "15 Feb. 2013" \
        "2013/02/15" "15/02/2013" "15.02.2013" "12/12/2012" "2013" "2013-06" "2012-02-29" \
        "LONDON, May 5, 2013 - The talks" "Friday, 15 February 2013 12:30" \
        "https://news.example.com/2013/02/15/story.html" "/2013-02-15/a" "/20130215/" "/2013/02/x"; do
        i=$((i + 1))
        printf '%s' "$d" > "$1/date-$i"
    done
    if [[ -f $data/reuters21578/reut2-000.sgm ]]; then
        awk -F'<DATE>|</DATE>' '/<DATE>/ && n++ < 20 { print $2 }' "$data/reuters21578/reut2-000.sgm" |
            lines_to_files "$1/reuters"
    fi
    existing "$data"/readability-test-pages/pages/*/expected-metadata.json | xargs -r cat |
        sed -n 's/.*"publishedTime": *"\([^"]*\)".*/\1/p' | head -n 30 | lines_to_files "$1/readability"
    grep -h -o '"date": *"[^"]*"' "$corpus/feeds/articles.jsonl" | cut -d'"' -f4 | lines_to_files "$1/feed"
    grep -h -E '^[A-Z]{3,}[A-Za-z ]*, .{4,40} - ' "$corpus"/pages/*.txt | cut -c1-200 | lines_to_files "$1/dateline"
}

# stdin as the file DIR/FILE, after a first line giving the input's name: named DIR NAME FILE.
named() { { printf '%s\n' "$2"; cat; } > "$1/$3"; }

seeds_read_input() {
    local f n=0
    for f in "$corpus"/pages/*.txt; do named "$1" "$(basename "$f")" "$(basename "$f")" < "$f"; done
    for f in "$corpus"/html/*.html; do named "$1" "$(basename "$f")" "$(basename "$f")" < "$f"; done
    for f in "$corpus"/feeds/*.jsonl; do named "$1" "$(basename "$f")" "$(basename "$f")" < "$f"; done
    named "$1" sample.warc.gz sample.warc.gz < "$corpus/warc/sample.warc.gz"
    warc_plain | named "$1" sample.warc sample.warc
    gzip -c "$corpus/html/2014-06-mosul-families-flee.html" | named "$1" page.html.gz page.html.gz
    gzip -c "$corpus/pages/nuclear-2015-07.txt" | named "$1" page.txt.gz page.txt.gz
    named "$1" "html:noextension" forced-html < "$corpus/html/essay-exile-and-memory.html"
    named "$1" "text:nuclear" forced-text < "$corpus/pages/nuclear-2015-07.txt"
    existing "$data"/reuters21578/reut2-000.sgm | while read -r f; do head -c 20000 "$f" | named "$1" reut2-000.sgm reut2.sgm; done
    existing "$data"/article-extraction-benchmark/html/*.html.gz | head -n 10 | while read -r f; do
        n=$((n + 1))
        named "$1" "$(basename "$f")" "aeb-$n.html.gz" < "$f"
    done
    if [[ -f $data/scifact/corpus.jsonl ]]; then head -n 10 "$data/scifact/corpus.jsonl" | named "$1" corpus.jsonl scifact.jsonl; fi
}

seeds_query() {
    local i=0 q
    # query, from, to, categories, flags, language
    for q in "camp liberty" "camps" '"camp liberty" AND oil' "oil OR nuclear NOT geneva" "camp NEAR/3 liberty" \
        "camp ADJ liberty" "resid*" "+oil -2014" 'title:camp author:"jane trader"' \
        'category:"Iranian opposition" place:usa lang:en site:example.com' "date:2013 date:2013-01..2013-06" \
        "date:..2013-06 oil" "MEK camp" "IAEA inspectors" "les élections" '"unbalanced (quote' "AND OR NOT" \
        "campp libertyy"; do
        i=$((i + 1))
        printf '%s\n\n\n\n\n' "$q" > "$1/query-$i"
    done
    printf 'oil\n2013\n2014-06\nEconomy|Human rights\noe\nen' > "$1/filters-1"
    printf '\n2013-01\n2013-12\n\nn\n' > "$1/filters-2"
    printf 'camp\n\n\nIranian opposition\nlsdfr3p\nfr' > "$1/filters-3"
    if [[ -f $data/scifact/queries.jsonl ]]; then
        head -n 30 "$data/scifact/queries.jsonl" | sed -n 's/.*"text": "\([^"]*\)".*/\1/p' |
            awk -v out="$1/scifact" '{ printf "%s\n\n\n\no", $0 > (out "-" NR); close(out "-" NR) }'
    fi
}

seeds_searchd_params() {
    printf '%s' 'q=camp' > "$1/q"
    printf '%s' 'q=camp liberty&category=Economy&category=Human rights&from=2013&to=2014-06&sort=newest&page=2&size=20&op=or&exact=1&facets=0&snippets=0&recency=30' > "$1/all"
    printf '%s' 'q=&page=10000&size=100' > "$1/last-page"
    printf '%s' 'size=0&page=-1&recency=36501' > "$1/bad-numbers"
    printf '%s' 'sort=random&op=xor' > "$1/bad-choices"
    printf '%s' 'q=a&q=b' > "$1/repeated"
}

seeds_synonyms() {
    { cat "$corpus/config/synonyms.conf"; printf '\0%s' 'MEK camp in the nuclear deal'; } > "$1/corpus"
    printf '%s\0%s' 'IAEA | International Atomic Energy Agency' 'iaea "IAEA" title:iaea -iaea +iaea iaea* (IAEA)' > "$1/one"
    printf '%s\0%s' 'a | "b c' 'a b c' > "$1/unclosed"
}

make_seeds() {
    local dir=$build/seeds/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    # Best effort: a seed that cannot be made (data missing, a pipe cut short) is left out.
    "seeds_$1" "$dir" || true
}

# --- fuzzing -----------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-}${LSAN_OPTIONS:+:}suppressions=$here/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:halt_on_error=1

mkdir -p "$build/logs" "$build/dicts"
cat "$here"/{html,warc,jsonl,news_sgml,text_page}.dict > "$build/dicts/read_input.dict"

# A figure of libFuzzer's final statistics (-print_final_stats).
final_stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }

declare -a report=()
failed=0
for t in "${targets[@]}"; do
    bin=$build/fuzz/fuzz_$t
    log=$build/logs/$t.$mode.log  # smoke and long runs may go at once
    artifacts=$build/artifacts/$t/
    mkdir -p "$artifacts"
    dict=$here/$t.dict
    [[ $t == read_input ]] && dict=$build/dicts/read_input.dict
    len=$(max_len "$t")
    [[ $mode == runs ]] && ((max_len_override > 0)) && len=$max_len_override
    common=(-rss_limit_mb=2048 -timeout=10 "-max_len=$len" "-artifact_prefix=$artifacts")

    # The regressions first: every input that once failed, run once.
    if compgen -G "$here/regressions/$t/*" > /dev/null; then
        if ! "$bin" "${common[@]}" "$here"/regressions/"$t"/* > "$build/logs/$t.regressions.log" 2>&1; then
            echo "== $t: a regression input fails again:"
            tail -n 40 "$build/logs/$t.regressions.log"
            report+=("$t|-|-|-|-|-|-|REGRESSION FAILS ($build/logs/$t.regressions.log)")
            failed=1
            continue
        fi
        echo "== $t: $(find "$here/regressions/$t" -type f | wc -l) regression input(s) pass"
    fi

    make_seeds "$t"
    if [[ $mode == smoke ]]; then
        work=$build/smoke-corpus/$t
        rm -rf "$work"
        limits=(-max_total_time="$seconds")
    else
        work=$build/corpus/$t
        limits=(-runs="$runs")
        ((max_time > 0)) && limits+=(-max_total_time="$max_time")
    fi
    mkdir -p "$work"
    echo "== $t: fuzzing (${limits[*]}; seeds: $(find "$build/seeds/$t" -type f | wc -l) files)"
    before=$(find "$artifacts" -type f | wc -l)
    touch "$log.start"
    start=$(date +%s)
    status=0
    "$bin" "${common[@]}" "${limits[@]}" -dict="$dict" -print_final_stats=1 \
        "$work" "$build/seeds/$t" > "$log" 2>&1 || status=$?
    elapsed=$(($(date +%s) - start))

    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$last")
    found=$(($(find "$artifacts" -type f | wc -l) - before))
    if ((status == 0)); then
        result="ok"
    elif ((status == 72 && found == 0)) && grep -q 'libFuzzer: run interrupted' "$log"; then
        # SIGINT (to free the machine for a while): libFuzzer prints its final
        # statistics and exits 72. What ran before found nothing, so it counts.
        result="interrupted"
    else
        kind=$(grep -m1 -o -E 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)[^(]*|runtime error:.*|invariant broken:.*|terminate called.*' "$log" | head -n 1 || true)
        result="FINDING: ${kind:-exit $status}; $(find "$artifacts" -type f -newer "$log.start" | head -n 1)"
        failed=1
        echo "== $t: finding (exit $status), log $log:"
        grep -A 30 -m 1 -E '==ERROR|runtime error|invariant broken|terminate called|deadly signal' "$log" | head -n 40 || true
    fi
    if [[ $mode == runs ]]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$(final_stat number_of_executed_units || true)" \
            "$elapsed" "$len" "${result%%;*}" "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo -)" >> "$ledger"
    fi
    report+=("$t|$(final_stat number_of_executed_units)|$(final_stat average_exec_per_sec)|${elapsed}s|$(final_stat peak_rss_mb)MB|${cov:-?}|${ft:-?}|${corp:-?}|$result")
    ((found > 0)) && echo "== $t: $found new file(s) in $artifacts"
done

echo
printf '%-15s %12s %8s %7s %8s %6s %7s %6s  %s\n' target executions exec/s time peak_rss cov ft corpus result
for row in "${report[@]}"; do
    IFS='|' read -r t n speed took rss cov ft corp result <<< "$row"
    printf '%-15s %12s %8s %7s %8s %6s %7s %6s  %s\n' "$t" "$n" "$speed" "$took" "$rss" "$cov" "$ft" "$corp" "$result"
done
exit "$failed"
