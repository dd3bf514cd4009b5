// bench_query_libsearch: the query mix through libsearch::Searcher::search,
// in process, as the raw Xapian and FTS5 query baselines run it.
//
//   bench_query_libsearch --db DIR --mix MIX [--snippets on|off] [--exact-facets] [--warmup N] [--repeat N]
//
// Each mix row becomes a SearchRequest (query, operator, category, from, to,
// facets, offset; 10 hits, the default snippet length). The whole mix runs
// --warmup times untimed (default 1), then --repeat times timed (default 1). Prints one line:
//   {"bench":"query","system":"libsearch/<config>","latency":{...},"per_class":{...},...}
// with config snippets | no-snippets | exact-facets (| exact-facets-no-snippets).
// Exit status: 0 done, 1 a query failed, 2 usage.

#include <CLI/CLI.hpp>
#include <iostream>
#include <libsearch/libsearch.hpp>
#include <map>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace {

struct Config {
    std::string db, mix;
    std::string snippets = "on";
    bool exact_facets = false;
    unsigned warmup = 1;
    unsigned repeat = 1;
};

libsearch::SearchRequest request_of(const bench::MixQuery& q, const Config& config) {
    libsearch::SearchRequest r;
    r.query = q.q;
    r.default_operator = q.op == "or" ? libsearch::DefaultOperator::op_or : libsearch::DefaultOperator::op_and;
    if (!q.category.empty()) r.categories.push_back(q.category);
    r.from = q.from;
    r.to = q.to;
    r.facets = q.facets;
    r.exact = q.facets && config.exact_facets;
    r.offset = q.offset;
    r.limit = 10;
    r.snippets = config.snippets == "on";
    return r;
}

std::string system_name(const Config& c) {
    std::string name = c.exact_facets ? "exact-facets" : "snippets";
    if (c.snippets == "off") name = c.exact_facets ? "exact-facets-no-snippets" : "no-snippets";
    return "libsearch/" + name;
}

int run(const Config& config) {
    const auto mix = bench::read_mix(config.mix);
    libsearch::Searcher searcher(config.db);
    std::size_t errors = 0, zero_hits = 0, hits = 0;
    // A failing query is counted and named, and the run goes on.
    auto fields = bench::time_mix(mix, static_cast<int>(config.warmup), static_cast<int>(config.repeat),
                                  [&](const bench::MixQuery& q) {
        try {
            const auto response = searcher.search(request_of(q, config));
            hits += response.hits.size();
            if (response.hits.empty()) ++zero_hits;
        } catch (const std::exception& e) {
            ++errors;
            std::cerr << "bench_query_libsearch: query '" << q.q << "': " << e.what() << "\n";
        }
    });
    // Counted over the warm-up passes too; every pass runs the same queries.
    const std::size_t passes = config.warmup + config.repeat;
    fields.update({{"queries", mix.size()},
                   {"errors", errors / passes},
                   {"zero_hit_queries", zero_hits / passes},
                   {"hits_returned", hits / passes},
                   {"documents", searcher.size()},
                   {"snippets", config.snippets == "on"},
                   {"exact_facets", config.exact_facets},
                   {"peak_rss_mb", bench::peak_rss_mb()}});
    bench::emit("query", system_name(config), std::move(fields));
    return errors == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Run the benchmark query mix through libsearch::Searcher, in process."};
    Config config;
    app.add_option("--db", config.db, "Index directory")->required();
    app.add_option("--mix", config.mix, "Query mix (TSV from make_query_mix)")->required();
    app.add_option("--snippets", config.snippets, "on (default) or off")->check(CLI::IsMember({"on", "off"}));
    app.add_flag("--exact-facets", config.exact_facets, "Count facets exactly for the facets class");
    app.add_option("--warmup", config.warmup, "Untimed passes over the mix first (default 1)");
    app.add_option("--repeat", config.repeat, "Timed passes over the mix (default 1)")->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);
    try {
        return run(config);
    } catch (const std::exception& e) {
        std::cerr << "bench_query_libsearch: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << "bench_query_libsearch: unknown error\n";
        return 1;
    }
}
