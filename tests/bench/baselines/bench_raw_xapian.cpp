// bench_raw_xapian: the indexing and query baselines of plain Xapian 1.4.
//   bench_raw_xapian index --db DIR [--flush N] FILE...
//   bench_raw_xapian query --db DIR --mix MIX.tsv [--snippets default|exhaustive|none] [--repeat N] [--warmup N]
// Prints one JSON line (bench_common's emit). Exit codes: 0 done, 1 failure, 2 usage.

#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_common.hpp"
#include "raw_xapian_schema.hpp"
#include "raw_xapian_search.hpp"
#include "fields.hpp"
#include "records.hpp"

namespace {

struct Options {
    std::string command, db, mix, snippets = "default";
    unsigned long flush = 0, repeat = 1, warmup = 1;
    std::vector<std::string> files;
};

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr const char* kUsage =
    "usage: bench_raw_xapian index --db DIR [--flush N] FILE...\n"
    "       bench_raw_xapian query --db DIR --mix MIX.tsv [--snippets default|exhaustive|none] [--repeat N] [--warmup "
    "N]\n";

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
        else if (arg == "--flush" && o.command == "index")
            o.flush = number(arg, value());
        else if (arg == "--mix" && o.command == "query")
            o.mix = value();
        else if (arg == "--snippets" && o.command == "query")
            o.snippets = value();
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
    if (o.snippets != "default" && o.snippets != "exhaustive" && o.snippets != "none")
        throw UsageError("--snippets must be default, exhaustive or none");
    if (o.repeat == 0) throw UsageError("--repeat must be at least 1");
    return o;
}

Xapian::Document make_document(const bench::Record& r, Xapian::TermGenerator& tg) {
    using namespace raw_xapian;
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(r.title, 1, kTitlePrefix);
    tg.increase_termpos(kFieldGap);
    tg.index_text(r.title, kTitleWeight);
    tg.increase_termpos(kFieldGap);
    tg.index_text(r.body);
    doc.add_boolean_term(kIdPrefix + r.id);
    for (const auto& c : r.categories) doc.add_boolean_term(kCategoryPrefix + baseline::lower(c));
    const std::string day = bench::compact_date(r.date);
    if (!day.empty()) {
        doc.add_boolean_term(kMonthPrefix + day.substr(0, 6));
        doc.add_boolean_term(kDayPrefix + day);
        doc.add_value(kDateSlot, day);
    }
    if (!r.categories.empty()) doc.add_value(kCategorySlot, baseline::lower(r.categories.front()));
    doc.add_value(kIdSlot, r.id);
    doc.set_data(r.title + "\n" + r.body);
    return doc;
}

int run_index(const Options& o) {
    const double start = bench::now_ms();
    Xapian::WritableDatabase db(o.db, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem(raw_xapian::kLanguage));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    unsigned long articles = 0;
    double bytes = 0;
    bench::for_each_record(o.files, [&](const bench::Record& r) {
        Xapian::Document doc = make_document(r, tg);
        db.replace_document(raw_xapian::kIdPrefix + r.id, doc);
        ++articles;
        bytes += static_cast<double>(r.title.size() + r.body.size());
        if (o.flush != 0 && articles % o.flush == 0) db.commit();
    });
    db.commit();
    db.close();
    const double seconds = (bench::now_ms() - start) / 1000.0;
    bench::emit("index", "raw-xapian",
                {{"articles", articles},
                 {"bytes", bytes},
                 {"seconds", seconds},
                 {"articles_per_s", seconds > 0 ? static_cast<double>(articles) / seconds : 0.0},
                 {"mb_per_s", seconds > 0 ? bytes / (1024.0 * 1024.0) / seconds : 0.0},
                 {"peak_rss_mb", bench::peak_rss_mb()},
                 {"index_mb", bench::disk_mb(o.db)},
                 {"flush", o.flush}});
    return 0;
}

int run_query(const Options& o) {
    const auto mix = bench::read_mix(o.mix);
    raw_xapian::Searcher searcher(o.db);
    const raw_xapian::Snippets snippets = o.snippets == "none"         ? raw_xapian::Snippets::none
                                          : o.snippets == "exhaustive" ? raw_xapian::Snippets::exhaustive
                                                                       : raw_xapian::Snippets::background_model;
    std::size_t empty_pages = 0;
    auto run = [&](const bench::MixQuery& m) {
        raw_xapian::Request r;
        r.q = m.q;
        r.op_or = m.op == "or";
        r.category = m.category;
        r.from = baseline::mix_date(m.from);
        r.to = baseline::mix_date(m.to);
        r.facets = m.facets;
        r.offset = m.offset;
        r.snippets = snippets;
        if (searcher.search(r).hits.empty()) ++empty_pages;
    };
    nlohmann::json fields = bench::time_mix(mix, static_cast<int>(o.warmup), static_cast<int>(o.repeat), run);
    fields["queries"] = mix.size();
    fields["repeat"] = o.repeat;
    fields["empty_pages"] = empty_pages / (o.warmup + o.repeat);
    fields["peak_rss_mb"] = bench::peak_rss_mb();
    bench::emit("query", "raw-xapian/" + o.snippets, std::move(fields));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
        return o.command == "index" ? run_index(o) : run_query(o);
    } catch (const UsageError& e) {
        std::cerr << "bench_raw_xapian: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_raw_xapian: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "bench_raw_xapian: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "bench_raw_xapian: unknown error\n";
    }
    return 1;
}
