// bench_fts5: the indexing and query baselines of SQLite FTS5.
//   bench_fts5 index --db FILE FILE...
//   bench_fts5 query --db FILE --mix MIX.tsv [--repeat N] [--warmup N]
// Prints one JSON line (bench_common's emit). Exit codes: 0 done, 1 failure, 2 usage.

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "fts5_store.hpp"
#include "fields.hpp"
#include "records.hpp"

namespace {

struct Options {
    std::string command, db, mix;
    unsigned long repeat = 1, warmup = 1;
    std::vector<std::string> files;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr const char* kUsage =
    "usage: bench_fts5 index --db FILE FILE...\n"
    "       bench_fts5 query --db FILE --mix MIX.tsv [--repeat N] [--warmup N]\n";

unsigned long number(const std::string& option, const std::string& text) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError(option + " wants a non-negative integer, not '" + text + "'");
    return std::stoul(text);
}

Options parse(int argc, char** argv) {
    if (argc < 2) throw UsageError("missing command");
    Options o;
    o.command = argv[1];
    if (o.command != "index" && o.command != "query") throw UsageError("unknown command '" + o.command + "'");
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw UsageError(arg + " wants a value");
            return argv[++i];
        };
        if (arg == "--db")
            o.db = value();
        else if (arg == "--mix" && o.command == "query")
            o.mix = value();
        else if (arg == "--repeat" && o.command == "query")
            o.repeat = number(arg, value());
        else if (arg == "--warmup" && o.command == "query")
            o.warmup = number(arg, value());
        else if (arg.rfind("--", 0) == 0)
            throw UsageError("unknown option " + arg);
        else if (o.command == "index")
            o.files.push_back(arg);
        else
            throw UsageError("unexpected argument " + arg);
    }
    if (o.db.empty()) throw UsageError("--db is required");
    if (o.command == "index" && o.files.empty()) throw UsageError("no record files");
    if (o.command == "query" && o.mix.empty()) throw UsageError("--mix is required");
    if (o.repeat == 0) throw UsageError("--repeat must be at least 1");
    return o;
}

int run_index(const Options& o) {
    const double start = bench::now_ms();
    unsigned long articles = 0;
    double bytes = 0;
    {
        fts5::Writer writer(o.db);
        bench::for_each_record(o.files, [&](const bench::Record& r) {
            writer.add(r);
            ++articles;
            bytes += static_cast<double>(r.title.size() + r.body.size());
        });
        writer.commit();
    }
    const double seconds = (bench::now_ms() - start) / 1000.0;
    bench::emit("index", "sqlite-fts5",
                {{"articles", articles},
                 {"bytes", bytes},
                 {"seconds", seconds},
                 {"articles_per_s", seconds > 0 ? static_cast<double>(articles) / seconds : 0.0},
                 {"mb_per_s", seconds > 0 ? bytes / (1024.0 * 1024.0) / seconds : 0.0},
                 {"peak_rss_mb", bench::peak_rss_mb()},
                 {"index_mb", bench::disk_mb(o.db)}});
    return 0;
}

int run_query(const Options& o) {
    const auto mix = bench::read_mix(o.mix);
    fts5::Searcher searcher(o.db);
    std::size_t empty_pages = 0;
    auto run = [&](const bench::MixQuery& m) {
        fts5::Request r;
        r.q = m.q;
        r.op_or = m.op == "or";
        r.category = m.category;
        r.from = baseline::mix_date(m.from);
        r.to = baseline::mix_date(m.to);
        r.facets = m.facets;
        r.offset = m.offset;
        if (searcher.search(r).hits.empty()) ++empty_pages;
    };
    nlohmann::json fields = bench::time_mix(mix, static_cast<int>(o.warmup), static_cast<int>(o.repeat), run);
    fields["queries"] = mix.size();
    fields["repeat"] = o.repeat;
    fields["empty_pages"] = empty_pages / (o.warmup + o.repeat);
    fields["peak_rss_mb"] = bench::peak_rss_mb();
    bench::emit("query", "sqlite-fts5", std::move(fields));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
        return o.command == "index" ? run_index(o) : run_query(o);
    } catch (const UsageError& e) {
        std::cerr << "bench_fts5: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "bench_fts5: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "bench_fts5: unknown error\n";
    }
    return 1;
}
