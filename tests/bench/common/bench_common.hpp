#pragma once
// What every benchmark program shares: the query mix, latency percentiles,
// peak memory, and the one-JSON-line-per-result output that
// tests/bench/run.sh collects into its report.
//
// The query mix (a TSV file made by tests/bench/harness/make_query_mix) has a
// header line, then one query per line with these tab-separated columns:
//   class     word | and2 | and3 | or2 | or3 | phrase | category | daterange | facets | deep
//   q         words, or one "quoted phrase" (no operators: `op` says how words combine)
//   op        and | or
//   category  one category (Reuters topic such as acq), or empty
//   from, to  YYYY-MM-DD bounds of the article date, or empty
//   facets    1 when category facet counts are wanted, else 0
//   offset    first hit wanted (0, or a deep page such as 500); 10 hits are always asked for

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace bench {

struct MixQuery {
    std::string cls, q, op, category, from, to;
    bool facets = false;
    std::size_t offset = 0;
};

/// Reads a mix file; throws std::runtime_error naming the file and line.
std::vector<MixQuery> read_mix(const std::string& path);

struct Latency {
    std::size_t count = 0;
    double p50_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0, max_ms = 0, queries_per_s = 0;
};

/// Percentiles (nearest rank) of per-query times in milliseconds.
Latency summarize(std::vector<double> ms);

nlohmann::json to_json(const Latency& l);

/// Peak resident set of this process, in MB (getrusage).
double peak_rss_mb();

/// Prints one result line: {"bench":..., "system":..., ...fields} to stdout, flushed.
void emit(const std::string& bench, const std::string& system, nlohmann::json fields);

/// Milliseconds since an arbitrary start (steady clock).
double now_ms();

/// Times `run` over the mix: `warmup` untimed passes, then `repeat` timed
/// passes. Returns {"latency": ..., "per_class": {class: ...}}. `run` does
/// the whole work of one query; exceptions propagate.
nlohmann::json time_mix(const std::vector<MixQuery>& mix, int warmup, int repeat,
                        const std::function<void(const MixQuery&)>& run);

}  // namespace bench
