#pragma once
// What an index must be after a crash: it opens, it searches, and every
// article in it is whole, exactly as `indexer extract` reads it from the
// files (the truth), and held once. Shared by the crash tests.

#include <catch2/catch.hpp>
#include <libsearch/libsearch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace crashtest {

namespace fs = std::filesystem;

/// The Reuters-21578 .sgm files of `dir`, in name order.
inline std::vector<std::string> reuters_files(const fs::path& dir) {
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".sgm") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

/// `indexer --db DB OPTIONS... INPUTS...`
inline std::vector<std::string> indexer_argv(const std::string& db, std::vector<std::string> options,
                                             const std::vector<std::string>& inputs) {
    options.insert(options.begin(), {INDEXER_PATH, "--db", db});
    options.insert(options.end(), inputs.begin(), inputs.end());
    return options;
}

/// An article as the files hold it.
struct TruthArticle {
    std::string title, body, date;  ///< date: "YYYY-MM-DD" or "" when undated
    std::string source;             ///< the file (and record) it came from
};

/// Articles by id.
using Truth = std::map<std::string, TruthArticle>;

/// The seed of a test's random choices: $LIBSEARCH_CRASH_SEED, or a fresh
/// one. Printed, so that a failure can be replayed.
inline std::uint64_t test_seed(const std::string& test) {
    std::uint64_t seed;
    if (const char* env = std::getenv("LIBSEARCH_CRASH_SEED")) seed = std::stoull(env);
    else seed = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
    std::cout << test << ": seed " << seed << " (replay with LIBSEARCH_CRASH_SEED=" << seed << ")" << std::endl;
    return seed;
}

/// What `indexer extract` prints for these files.
inline Truth extract_truth(const std::vector<std::string>& files) {
    std::vector<std::string> argv{INDEXER_PATH, "extract"};
    argv.insert(argv.end(), files.begin(), files.end());
    const auto result = testsupport::run_process(argv);
    Truth truth;
    std::size_t start = 0;
    while (start < result.out.size()) {
        auto end = result.out.find('\n', start);
        if (end == std::string::npos) end = result.out.size();
        const auto j = nlohmann::json::parse(result.out.substr(start, end - start));
        start = end + 1;
        TruthArticle a;
        a.title = j["title"].get<std::string>();
        a.body = j["body"].get<std::string>();
        a.date = j["date"].is_null() ? "" : j["date"].get<std::string>();
        a.source = j["source"].get<std::string>();
        truth[j["id"].get<std::string>()] = std::move(a);
    }
    return truth;
}

/// The articles of the truth that come from files whose name is in `names`.
inline Truth truth_of_files(const Truth& truth, const std::vector<std::string>& names) {
    Truth out;
    for (const auto& [id, a] : truth)
        for (const auto& name : names)
            if (a.source.find(name) != std::string::npos) out.emplace(id, a);
    return out;
}

/// The stored article equals the truth; an empty string, or what differs.
inline std::string difference(const libsearch::Article& stored, const TruthArticle& truth) {
    const std::string date = stored.date ? stored.date->iso() : "";
    if (stored.title != truth.title) return "title '" + stored.title + "' != '" + truth.title + "'";
    if (stored.body != truth.body)
        return "body differs (" + std::to_string(stored.body.size()) + " vs " + std::to_string(truth.body.size()) +
               " bytes)";
    if (date != truth.date) return "date '" + date + "' != '" + truth.date + "'";
    return "";
}

/// What one look at an index saw.
struct Observed {
    std::uint64_t size = 0;          ///< Searcher::size()
    std::size_t hits_checked = 0;    ///< hits of the broad query compared with the truth
    std::size_t sample_found = 0;    ///< truth ids of the sample found in the index
};

/// The index at `db` opens and searches, and the articles it holds are
/// whole and held once: the first 200 hits of a query matching everything,
/// and `sample` random ids of the truth (those present), are compared field
/// by field with the truth, and each id's unique term (Q<id>) indexes at
/// most one document.
inline Observed check_whole(const std::string& db, const Truth& truth, std::mt19937_64& rng,
                            std::size_t sample = 300) {
    Observed seen;
    libsearch::Searcher searcher(db);  // throws (and fails the test) if the index does not open
    Xapian::Database xapian(db);
    seen.size = searcher.size();
    CHECK(seen.size <= truth.size());
    CHECK(xapian.get_doccount() == seen.size);

    auto check_id = [&](const std::string& id) {
        INFO("article " << id);
        const auto expected = truth.find(id);
        REQUIRE(expected != truth.end());  // nothing that is not in the files
        CHECK(xapian.get_termfreq(libsearch::schema::prefix_id + id) <= 1);
        const auto stored = searcher.article(id);
        if (!stored) return false;
        CHECK(difference(*stored, expected->second) == "");
        return true;
    };

    // Every article, newest first: the first 200 are compared.
    for (const std::size_t offset : {std::size_t{0}, std::size_t{100}}) {
        const auto response = searcher.search({.query = "", .offset = offset, .limit = 100, .snippets = false,
                                               .facets = false});
        const std::uint64_t want = seen.size > offset ? std::min<std::uint64_t>(100, seen.size - offset) : 0;
        CHECK(response.hits.size() == want);
        for (const auto& hit : response.hits) {
            CHECK(check_id(hit.id));
            ++seen.hits_checked;
        }
    }
    // A word query works too.
    CHECK_NOTHROW(searcher.search({.query = "oil prices", .limit = 10}));

    std::vector<std::string> ids;
    ids.reserve(truth.size());
    for (const auto& entry : truth) ids.push_back(entry.first);
    std::shuffle(ids.begin(), ids.end(), rng);
    ids.resize(std::min(ids.size(), sample));
    for (const auto& id : ids)
        if (check_id(id)) ++seen.sample_found;
    if (seen.size == 0) CHECK(seen.sample_found == 0);
    return seen;
}

/// The index holds every article of `expected`, each once and whole, and
/// none of `absent`; with `only`, nothing else either.
inline void check_exactly(const std::string& db, const Truth& expected, const Truth& absent = {}, bool only = true) {
    libsearch::Searcher searcher(db);
    Xapian::Database xapian(db);
    if (only) {
        CHECK(searcher.size() == expected.size());
        CHECK(xapian.get_doccount() == expected.size());
    }
    std::size_t not_once = 0, not_whole = 0, present = 0;
    std::string first_problem;
    for (const auto& [id, truth] : expected) {
        const auto count = xapian.get_termfreq(libsearch::schema::prefix_id + id);
        if (count != 1) {
            if (!not_once++) first_problem = id + " is indexed " + std::to_string(count) + " times";
            continue;
        }
        const auto stored = searcher.article(id);
        const std::string diff = stored ? difference(*stored, truth) : "missing";
        if (!diff.empty() && !not_whole++ && first_problem.empty()) first_problem = id + ": " + diff;
    }
    for (const auto& [id, truth] : absent)
        if (xapian.get_termfreq(libsearch::schema::prefix_id + id) != 0 && !present++ && first_problem.empty())
            first_problem = id + " should be gone";
    INFO(first_problem);
    CHECK(not_once == 0);
    CHECK(not_whole == 0);
    CHECK(present == 0);
}

/// Copies a folder (an index) recursively.
inline void copy_tree(const fs::path& from, const fs::path& to) {
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

}  // namespace crashtest
