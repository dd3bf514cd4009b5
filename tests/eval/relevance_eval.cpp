// relevance_eval: index a BEIR-format collection with libsearch and score the
// ranking of one split's queries (nDCG@10, Recall@100, MAP@100), searching
// exactly as searchd does (Searcher::search, default operator OR).
//
//   relevance_eval --data DIR [--split train] [--index DIR] [--min-ndcg X]
//                  [--run FILE] [--missing-ok]
//
// Exit codes: 0 done; 1 nDCG@10 below --min-ndcg; 2 usage or input error;
// 77 the collection is missing and --missing-ok was given (and CI is not "true").

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "beir.hpp"
#include "libsearch/errors.hpp"
#include "libsearch/index_writer.hpp"
#include "libsearch/ingest.hpp"
#include "libsearch/searcher.hpp"
#include "metrics.hpp"

namespace fs = std::filesystem;
namespace eval = libsearch::eval;

namespace {

constexpr std::size_t depth = 100;      // documents ranked per query
constexpr std::size_t page_size = 100;  // SearchRequest::limit maximum

struct Options {
    fs::path data;
    std::string split = "test";
    std::optional<fs::path> index;
    std::optional<double> min_ndcg;
    std::optional<fs::path> run;
    bool missing_ok = false;
};

[[noreturn]] void usage(const std::string& problem) {
    std::cerr << "relevance_eval: " << problem << "\n"
              << "usage: relevance_eval --data DIR [--split NAME] [--index DIR] [--min-ndcg X] [--run FILE] "
                 "[--missing-ok]\n";
    std::exit(2);
}

Options parse_arguments(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--data") options.data = value();
        else if (arg == "--split") options.split = value();
        else if (arg == "--index") options.index = value();
        else if (arg == "--run") options.run = value();
        else if (arg == "--missing-ok") options.missing_ok = true;
        else if (arg == "--min-ndcg") {
            const std::string text = value();
            char* end = nullptr;
            options.min_ndcg = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0') usage("--min-ndcg needs a number");
        } else usage("unknown argument " + std::string(arg));
    }
    if (options.data.empty()) usage("--data is required");
    return options;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Index corpus.jsonl into `path` unless an index is already there.
void build_index(const fs::path& corpus, const fs::path& path) {
    if (fs::exists(path / "iamglass") || fs::exists(path / "iamchert")) {
        std::cout << "index: reusing " << path.string() << "\n";
        return;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto read = libsearch::read_file(corpus, {.format = libsearch::InputFormat::jsonl, .language = "en"});
    for (const auto& skipped : read.skipped)
        std::cerr << "skipped " << skipped.source << ":" << skipped.line << ": " << skipped.reason << "\n";
    libsearch::IndexWriter writer({.path = path.string(), .batch_size = 0, .spelling = false});
    for (const auto& article : read.articles) writer.add(article);
    writer.commit();
    std::cout << "index: " << writer.size() << " documents in " << seconds_since(start) << " s\n";
}

// The top `depth` ids for a query, fetched in pages as a client of searchd would.
eval::Ranking rank(libsearch::Searcher& searcher, const std::string& text) {
    eval::Ranking ranking;
    libsearch::SearchRequest request;
    request.query = text;
    request.default_operator = libsearch::DefaultOperator::op_or;
    request.facets = false;
    request.limit = page_size;
    for (request.offset = 0; request.offset < depth; request.offset += page_size) {
        const auto response = searcher.search(request);
        for (const auto& hit : response.hits) ranking.push_back(hit.id);
        if (response.hits.size() < page_size) break;
    }
    if (ranking.size() > depth) ranking.resize(depth);
    return ranking;
}

fs::path fresh_temp_dir() {
    std::random_device random;
    const fs::path dir = fs::temp_directory_path() / ("relevance_eval-" + std::to_string(random()));
    fs::create_directories(dir);
    return dir;
}

int run(const Options& options) {
    const fs::path corpus = options.data / "corpus.jsonl";
    const fs::path queries_file = options.data / "queries.jsonl";
    const fs::path qrels_file = options.data / "qrels" / (options.split + ".tsv");
    for (const auto& file : {corpus, queries_file, qrels_file}) {
        if (fs::exists(file)) continue;
        const char* ci = std::getenv("CI");
        const bool in_ci = ci && std::string_view(ci) == "true";
        std::cerr << "relevance_eval: " << file.string() << " not found\n";
        if (options.missing_ok && !in_ci) {
            std::cerr << "relevance_eval: skipping (collection missing)\n";
            return 77;
        }
        return 2;
    }
    const auto queries = eval::load_queries(queries_file);
    const auto qrels = eval::load_qrels(qrels_file);

    const fs::path temp = options.index ? fs::path{} : fresh_temp_dir();
    const fs::path index = options.index ? *options.index : temp / "index";
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ignored;
            if (!dir.empty()) fs::remove_all(dir, ignored);
        }
    } cleanup{temp};
    build_index(corpus, index);

    libsearch::Searcher searcher(index.string());
    std::ofstream run_out;
    if (options.run) run_out.open(*options.run);
    eval::MetricTotals totals;
    std::size_t failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& query : queries) {
        const auto judged = qrels.find(query.id);
        if (judged == qrels.end()) continue;  // not in this split
        eval::Ranking ranking;
        try {
            ranking = rank(searcher, query.text);
        } catch (const libsearch::Error& e) {
            ++failed;
            std::cerr << "query " << query.id << ": " << e.what() << "\n";
        }
        totals.add(ranking, judged->second);
        if (run_out)
            for (std::size_t i = 0; i < ranking.size(); ++i)
                run_out << query.id << " Q0 " << ranking[i] << " " << i + 1 << " " << depth - i << " libsearch\n";
    }
    const double search_seconds = seconds_since(start);

    std::printf("collection: %s  split: %s  queries: %zu (failed: %zu)  search: %.2f s\n",
                options.data.string().c_str(), options.split.c_str(), totals.queries, failed, search_seconds);
    std::printf("nDCG@10 %.4f  Recall@100 %.4f  MAP@100 %.4f\n", totals.mean_ndcg10(), totals.mean_recall100(),
                totals.mean_map100());
    if (options.min_ndcg && totals.mean_ndcg10() < *options.min_ndcg) {
        std::printf("FAIL: nDCG@10 %.4f is below the floor %.4f\n", totals.mean_ndcg10(), *options.min_ndcg);
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_arguments(argc, argv);
    try {
        return run(options);
    } catch (const std::exception& e) {
        std::cerr << "relevance_eval: " << e.what() << "\n";
        return 2;
    } catch (...) {
        std::cerr << "relevance_eval: unknown error\n";
        return 2;
    }
}
